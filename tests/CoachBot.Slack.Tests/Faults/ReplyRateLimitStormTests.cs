namespace CoachBot.Slack.Tests.Faults;

/// <summary>
/// The whole adapter during a chat.postMessage storm that outlasts the retries (Slack:MaxApiAttempts 2): the public
/// answer can't be posted, so the asker still gets it where Slack allows: a slash command through its response_url, a
/// mention privately with chat.postEphemeral. Each reply costs exactly its bounded attempts, and the give-up is an
/// error in the log without the token.
/// </summary>
public sealed class ReplyRateLimitStormTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PostMessageStormOutlastingTheRetries_CommandAnsweredThroughResponseUrl_MentionAnsweredPrivately()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new() { ["Slack:MaxApiAttempts"] = "2" });
        var fake = harness.Fake;
        fake.RateLimit("chat.postMessage", times: 1000, retryAfterSeconds: 1);

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/ask", "storm command", "U401", "C401", fake.CreateResponseUrl()));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.AppMention("U402", "<@UBOT111> storm mention", "C402", fake.NextTs())));

        var viaResponseUrl = await fake.WaitForResponsePostAsync(p => p.Body.ToJsonString().Contains("storm command", StringComparison.Ordinal), Guard);
        var ephemeral = await fake.WaitForCallAsync("chat.postEphemeral", c => c.Ok && c.Blocks.ToJsonString().Contains("storm mention", StringComparison.Ordinal), Guard);

        Assert.Equal("in_channel", viaResponseUrl.ResponseType);
        Assert.Equal("U402", ephemeral.Field("user"));
        Assert.Equal("C402", ephemeral.Field("channel"));
        var posts = fake.CallsTo("chat.postMessage");
        Assert.Equal(4, posts.Count);
        Assert.All(posts, p => Assert.Equal(429, p.StatusCode));
        Assert.Equal(2, harness.Logs.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains("chat.postMessage was still rate limited", StringComparison.Ordinal)));
        Assert.DoesNotContain(fake.Options.BotToken, harness.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Options.AppToken, harness.Logs.AllText, StringComparison.Ordinal);
    }
}
