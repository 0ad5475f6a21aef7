namespace CoachBot.Slack.Tests.SocketMode;

public sealed class SocketModeAckTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task EveryEnvelopeType_IsAcknowledged_BeforeTheSlowHandlerFinishes()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        harness.Coach.CloseGate();

        var mention = await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.AppMention("U222", "<@UBOT111> what is an index?", "C111", fake.NextTs())));
        var command = await fake.SendEnvelopeAsync("slash_commands",
            FakeSlackPayloads.SlashCommand("/ask", "how do I start?", "U222", "C111", fake.CreateResponseUrl()));
        var source = fake.SeedMessage("C111");
        var click = await fake.SendEnvelopeAsync("interactive",
            FakeSlackPayloads.BlockAction("U222", "C111", source.Ts, "quiz:nope:0:A", fake.CreateResponseUrl()));

        var acks = new[] { await fake.WaitForAckAsync(mention), await fake.WaitForAckAsync(command), await fake.WaitForAckAsync(click) };
        // All three handlers are now stuck on the gate (a slow LLM) and nothing has been answered yet.
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await harness.Coach.Started.WaitAsync(Guard));
        }

        Assert.Empty(fake.CallsTo("chat.postMessage"));
        Assert.Empty(fake.ResponsePosts);

        harness.Coach.OpenGate();
        var answer = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);
        await fake.WaitUntilAsync(f => f.ResponsePosts.Count >= 1, Guard, "the button refusal");

        Assert.All(acks, ack => Assert.True(ack.Sequence < answer.Sequence));
        Assert.All(acks, ack => Assert.Null(ack.Payload));
    }

    [Fact]
    public async Task Hello_IsAwaited_AndAcksUseTheDeliveringConnection()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var connection = await harness.Fake.WaitForConnectionAsync();

        var id = await harness.Fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.Message("U222", "hi", "D111", harness.Fake.NextTs(), "im")));
        var ack = await harness.Fake.WaitForAckAsync(id);

        Assert.Equal(connection.Id, ack.ConnectionId);
        Assert.Equal(1, harness.SocketClient.ConnectionsEstablished);
    }

    [Fact]
    public async Task DuplicateDelivery_SameEventId_IsAcknowledgedTwice_ButAnsweredOnce()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new() { ["Slack:MaxConcurrentRequests"] = "1" });
        var fake = harness.Fake;
        var payload = FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> duplicate?", "C111", fake.NextTs()));

        var first = await fake.SendEnvelopeAsync("events_api", payload);
        var retry = await fake.SendEnvelopeAsync("events_api", payload, retryAttempt: 1);
        var sentinel = await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.AppMention("U333", "<@UBOT111> sentinel", "C111", fake.NextTs())));

        await fake.WaitForAckAsync(first);
        await fake.WaitForAckAsync(retry);
        await fake.WaitForAckAsync(sentinel);
        await fake.WaitForCallAsync("chat.postMessage", c => c.Blocks.ToJsonString().Contains("sentinel", StringComparison.Ordinal));

        var answered = harness.Coach.Seen<MessageRequest>();
        Assert.Equal(2, answered.Count);
        Assert.Single(answered, r => r.Text == "duplicate?");
        Assert.Single(fake.CallsTo("chat.postMessage"), c => c.Blocks.ToJsonString().Contains("duplicate?", StringComparison.Ordinal));
    }
}
