using System.Text;

namespace CoachBot.Slack.Tests.Http;

public sealed class SlackHttpModeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SignedEvent_IsAccepted_AndAnsweredInTheThread()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync();
        var ts = harness.Fake.NextTs();

        using var response = await harness.Driver!.SendEventAsync(FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> hi", "C111", ts)));
        var post = await harness.Fake.WaitForCallAsync("chat.postMessage", c => c.Ok);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ts, post.Field("thread_ts"));
    }

    [Theory]
    [InlineData(SigningMode.Tampered)]
    [InlineData(SigningMode.WrongSecret)]
    [InlineData(SigningMode.NoSignature)]
    public async Task BadSignature_Is401_AndNothingIsProcessed(SigningMode signing)
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync();

        using var response = await harness.Driver!.SendEventAsync(
            FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> hi", "C111", harness.Fake.NextTs())), signing: signing);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(harness.Coach.Requests);
    }

    [Fact]
    public async Task ReplayedRequest_WithATimestampOlderThanFiveMinutes_Is401()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync();

        using var response = await harness.Driver!.SendCommandAsync(
            FakeSlackPayloads.SlashCommand("/ask", "old", "U222", "C111", harness.Fake.CreateResponseUrl()), age: TimeSpan.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(harness.Coach.Requests);
    }

    [Fact]
    public async Task UrlVerification_IsAnsweredWithTheChallenge()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync();

        using var response = await harness.Driver!.SendUrlVerificationAsync("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SslCheck_Is200()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync();

        using var response = await harness.Driver!.SendSslCheckAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RetriedEvent_WithRetryNumHeader_IsAcceptedButAnsweredOnce()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync(new() { ["Slack:MaxConcurrentRequests"] = "1" });
        var fake = harness.Fake;
        var body = FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> once", "C111", fake.NextTs()));

        using var first = await harness.Driver!.SendEventAsync(body);
        using var retry = await harness.Driver.SendEventAsync(body, retryNum: 1);
        using var sentinel = await harness.Driver.SendEventAsync(FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> sentinel", "C111", fake.NextTs())));
        await fake.WaitForCallAsync("chat.postMessage", c => c.Blocks.ToJsonString().Contains("sentinel", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(harness.Coach.Seen<MessageRequest>(), r => r.Text == "once");
    }

    [Fact]
    public async Task Response_Is200_BeforeTheSlowWorkFinishes()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync();
        harness.Coach.CloseGate();

        using var response = await harness.Driver!.SendCommandAsync(FakeSlackPayloads.SlashCommand("/ask", "slow one", "U222", "C111", harness.Fake.CreateResponseUrl()));
        Assert.True(await harness.Coach.Started.WaitAsync(Guard));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(harness.Fake.CallsTo("chat.postMessage"));
        harness.Coach.OpenGate();
        var post = await harness.Fake.WaitForCallAsync("chat.postMessage", c => c.Ok);
        Assert.Contains("slow one", post.Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactivity_FormPayload_ReachesTheButtonHandler()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync();
        var fake = harness.Fake;
        var source = fake.SeedMessage("C111");

        using var response = await harness.Driver!.SendInteractionAsync(FakeSlackPayloads.BlockAction("U222", "C111", source.Ts, "quiz:s9:0:A", fake.CreateResponseUrl()));
        var reply = await fake.WaitForResponsePostAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("quiz:s9:0:A", Assert.Single(harness.Coach.Seen<ButtonRequest>()).ButtonId);
        Assert.Contains("ended or never existed", reply.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Verifier_MatchesSlacksPublishedExample()
    {
        const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618 + 60));
        var bytes = Encoding.UTF8.GetBytes(Body);

        var check = new SlackSignatureVerifier(clock).Verify("8f742231b10e8888abcd99yyyzzz85a5", "1531420618", Expected, bytes);

        Assert.Equal(SlackSignatureCheck.Valid, check);
        Assert.Equal(Expected, SlackRequestSigner.Sign("8f742231b10e8888abcd99yyyzzz85a5", "1531420618", bytes));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SlackSignatureCheck.Stale, new SlackSignatureVerifier(clock).Verify("8f742231b10e8888abcd99yyyzzz85a5", "1531420618", Expected, bytes));
    }
}
