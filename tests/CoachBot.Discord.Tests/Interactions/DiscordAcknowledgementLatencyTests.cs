using CoachBot.Testing.Measurement;
using Xunit.Abstractions;

namespace CoachBot.Discord.Tests.Interactions;

/// <summary>
/// The burst contract for Discord: 200 slash commands, each acknowledged with a deferred response (type 5) inside
/// Discord's window (the fake rejects late callbacks), measured on the bot's side and on the fake's.
/// </summary>
public sealed class DiscordAcknowledgementLatencyTests(ITestOutputHelper output) : AcknowledgementLatencyContract<DiscordTestHost>(output)
{
    protected override Task<DiscordTestHost> StartAsync() => DiscordTestHost.StartAsync();

    protected override StandInCoach CoachOf(DiscordTestHost rig) => rig.Coach;

    protected override async Task<IReadOnlyList<LatencySeries>> SendAllAndMeasureAsync(DiscordTestHost rig)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();
        var allMeasured = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Host.Services.GetRequiredService<DiscordInteractionHandler>().Acknowledged += (_, elapsed) =>
        {
            latencies.Add(elapsed);
            if (latencies.Count == Concurrent)
            {
                allMeasured.TrySetResult();
            }
        };

        var sent = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i => rig.Server.SendInteractionAsync(
            FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "q" + i)], userId: (700000000000000000 + i).ToString(CultureInfo.InvariantCulture)))));
        await rig.Server.WaitUntilAsync(() => sent.All(i => i.CallbackType is not null), "200 acknowledgements", TimeSpan.FromSeconds(30));
        // The fake records a callback before it answers it; the handler measures once the answer is back. Under load the
        // last measurements land after the fake's, so wait for them rather than read a partial set.
        await allMeasured.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(sent, i => Assert.Equal(5, i.CallbackType));
        return
        [
            new("adapter received→callback sent", [.. latencies.Select(t => t.TotalMilliseconds)]),
            new("fake dispatched→callback received", [.. sent.Select(i => (i.AcknowledgedAt!.Value - i.DispatchedAt).TotalMilliseconds)]),
        ];
    }
}
