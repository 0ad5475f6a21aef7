namespace CoachBot.Slack.Tests.SocketMode;

/// <summary>
/// Slack hands each of an app's envelopes to one of its open Socket Mode connections at random, not always the same one.
/// The fake does so with <see cref="FakeSlackServer.SpreadEnvelopes"/> (the load tool's multi-process runs rely on it),
/// and the bot answers each envelope once, whichever of its connections it came on.
/// </summary>
public sealed class EnvelopeSpreadTests
{
    private const int Count = 8;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SpreadEnvelopes_ReachEveryOpenConnection_EachAnsweredOnce()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new() { ["Slack:SocketConnections"] = "2" });
        var fake = harness.Fake;
        fake.RedeliverUnacked = false;
        await fake.WaitForConnectionAsync(2);
        fake.SpreadEnvelopes = true;

        var ids = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            ids.Add(await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/ask", "spread" + n, "U40" + n, "C40" + n, fake.CreateResponseUrl())));
        }

        await fake.WaitForAcksAsync(ids, Guard);
        await fake.WaitUntilAsync(_ => Enumerable.Range(0, Count).All(i => Answers(fake, i) >= 1), Guard, "an answer to every command");

        var connections = ids.Select(id => fake.Envelopes.Single(e => e.EnvelopeId == id).ConnectionId).ToList();
        Assert.Equal(2, connections.Distinct().Count());
        Assert.All(Enumerable.Range(0, Count), i => Assert.Equal(1, Answers(fake, i)));
    }

    private static int Answers(FakeSlackServer fake, int i) =>
        fake.CallsTo("chat.postMessage").Count(c => c.Ok && c.Blocks.ToJsonString().Contains("spread" + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
}
