namespace CoachBot.Slack.Tests.Faults;

/// <summary>
/// A Socket Mode link dying in the middle of a burst, with two sockets open. Before it drops, the bot's acks on it stop
/// reaching Slack: envelopes the bot already handled look unacknowledged, and some sent just before the drop are never
/// read. Slack hands the unacknowledged deliveries to the other socket (events_api on its own after the ack timeout,
/// with retry_attempt; the test does it for commands), so every request must be answered exactly once: the ones the bot
/// never read are answered from the copy, the ones it already answered are acknowledged again but not answered again.
/// </summary>
public sealed class SocketModeDropMidBurstTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AbruptDropMidBurstOfEvents_UnackedOnesComeBackOnTheOtherSocket_EachAnsweredExactlyOnce()
    {
        await using var harness = await StartAsync(new FakeSlackOptions { AckTimeout = TimeSpan.FromMilliseconds(300) });
        var fake = harness.Fake;
        var dying = await fake.WaitForConnectionAsync(1);
        var healthy = await fake.WaitForConnectionAsync(2);
        var eventIds = new Dictionary<string, string>(StringComparer.Ordinal);

        dying.AcksLost = true;
        for (var i = 0; i < 6; i++)
        {
            await SendEventAsync(fake, eventIds, i, dying);
        }

        await fake.WaitUntilAsync(_ => harness.Coach.Seen<MessageRequest>().Count == 6, Guard, "the first six handled (their acks lost)");
        for (var i = 6; i < 9; i++)
        {
            await SendEventAsync(fake, eventIds, i, dying);
        }

        dying.Drop();
        for (var i = 9; i < 15; i++)
        {
            await SendEventAsync(fake, eventIds, i, healthy);
        }

        // Slack stops re-delivering an event once any of its deliveries is acknowledged.
        await fake.WaitUntilAsync(_ => eventIds.Values.All(id => AckedDeliveries(fake, id) >= 1), Guard, "an acknowledged delivery of every event");
        await SendEventAsync(fake, eventIds, 99, healthy);
        await fake.WaitUntilAsync(_ => Answers(fake, Text(99)) == 1, Guard, "the sentinel's answer");

        Assert.All(eventIds.Keys, text => Assert.Equal(1, Answers(fake, text)));
        Assert.All(eventIds.Keys, text => Assert.Single(harness.Coach.Seen<MessageRequest>(), r => r.Text == text));
        Assert.Contains(fake.Envelopes, e => e.RetryAttempt > 0);
        Assert.True(DuplicateLogs(harness) >= 6, $"the six handled-but-unacked events came back and were recognised ({DuplicateLogs(harness)} duplicates logged)");
    }

    [Fact]
    public async Task AbruptDropMidBurstOfCommands_CopiesOnTheOtherSocket_EachCommandAnsweredExactlyOnce()
    {
        await using var harness = await StartAsync(new FakeSlackOptions());
        var fake = harness.Fake;
        fake.RedeliverUnacked = false;
        var dying = await fake.WaitForConnectionAsync(1);
        var healthy = await fake.WaitForConnectionAsync(2);
        var texts = new List<string>();

        dying.AcksLost = true;
        for (var i = 0; i < 6; i++)
        {
            await SendCommandAsync(fake, texts, i, dying);
        }

        await fake.WaitUntilAsync(_ => harness.Coach.Seen<CommandRequest>().Count == 6, Guard, "the first six commands handled (their acks lost)");
        for (var i = 6; i < 9; i++)
        {
            await SendCommandAsync(fake, texts, i, dying);
        }

        dying.Drop();
        var copies = await fake.RedeliverUnackedAsync(dying);
        for (var i = 9; i < 15; i++)
        {
            await SendCommandAsync(fake, texts, i, healthy);
        }

        await fake.WaitForAcksAsync(copies, Guard);
        await SendCommandAsync(fake, texts, 99, healthy);
        await fake.WaitUntilAsync(_ => texts.All(t => Answers(fake, t) >= 1), Guard, "an answer to every command");

        Assert.Equal(9, copies.Count);
        Assert.All(texts, text => Assert.Equal(1, Answers(fake, text)));
        Assert.All(texts, text => Assert.Single(harness.Coach.Seen<CommandRequest>(), r => r.Option("question") == text));
        Assert.True(DuplicateLogs(harness) >= 6, $"the six handled-but-unacked commands came back and were recognised ({DuplicateLogs(harness)} duplicates logged)");
    }

    private static Task<SlackAdapterHarness> StartAsync(FakeSlackOptions fakeOptions) => SlackAdapterHarness.StartSocketModeAsync(
        new()
        {
            ["Slack:SocketConnections"] = "2",
            // One consumer: work is processed in arrival order, so the sentinel's answer comes after everything before it.
            ["Slack:MaxConcurrentRequests"] = "1",
        },
        fakeOptions: fakeOptions);

    private static string Text(int i) => "burst" + i.ToString("00", CultureInfo.InvariantCulture);

    private static async Task SendEventAsync(FakeSlackServer fake, Dictionary<string, string> eventIds, int i, FakeSocketConnection connection)
    {
        var eventId = FakeSlackPayloads.NewEventId();
        eventIds[Text(i)] = eventId;
        var user = "U2" + i.ToString("00", CultureInfo.InvariantCulture);
        var channel = "D2" + i.ToString("00", CultureInfo.InvariantCulture);
        await fake.SendEnvelopeAsync(
            "events_api",
            FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(user, Text(i), channel, fake.NextTs(), "im"), eventId: eventId),
            connection: connection);
    }

    private static async Task SendCommandAsync(FakeSlackServer fake, List<string> texts, int i, FakeSocketConnection connection)
    {
        texts.Add(Text(i));
        var user = "U3" + i.ToString("00", CultureInfo.InvariantCulture);
        var channel = "C3" + i.ToString("00", CultureInfo.InvariantCulture);
        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/ask", Text(i), user, channel, fake.CreateResponseUrl()), connection: connection);
    }

    private static int AckedDeliveries(FakeSlackServer fake, string eventId)
    {
        var deliveries = fake.Envelopes.Where(e => (string?)e.Payload["event_id"] == eventId).Select(e => e.EnvelopeId).ToHashSet(StringComparer.Ordinal);
        return fake.Acks.Count(a => deliveries.Contains(a.EnvelopeId));
    }

    private static int Answers(FakeSlackServer fake, string text) =>
        fake.CallsTo("chat.postMessage").Count(c => c.Ok && c.Blocks.ToJsonString().Contains(text, StringComparison.Ordinal));

    private static int DuplicateLogs(SlackAdapterHarness harness) =>
        harness.Logs.Entries.Count(e => e.Message.Contains("Acknowledged a duplicate", StringComparison.Ordinal));
}
