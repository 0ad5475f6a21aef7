using Xunit.Abstractions;

namespace CoachBot.Discord.Tests.Interactions;

/// <summary>
/// 200 interactions at once while the coach is stuck (a slow LLM): every one is acknowledged inside Discord's window
/// (the fake rejects late callbacks), and the measured latencies are written to the test output for docs/benchmarks.md.
/// </summary>
public sealed class AcknowledgementLatencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoHundredConcurrentInteractions_WithTheCoachBlocked_AreAllAcknowledged()
    {
        await using var test = await DiscordTestHost.StartAsync();
        test.Coach.CloseGate();
        var latencies = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();
        var allMeasured = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        test.Host.Services.GetRequiredService<DiscordInteractionHandler>().Acknowledged += (_, elapsed) =>
        {
            latencies.Add(elapsed);
            if (latencies.Count == 200)
            {
                allMeasured.TrySetResult();
            }
        };

        var sent = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => test.Server.SendInteractionAsync(
            FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "q" + i)], userId: (700000000000000000 + i).ToString(CultureInfo.InvariantCulture)))));
        await test.Server.WaitUntilAsync(() => sent.All(i => i.CallbackType is not null), "200 acknowledgements", TimeSpan.FromSeconds(30));
        // The fake records a callback before it answers it; the handler measures once the answer is back. Under load the
        // last measurements land after the fake's, so wait for them rather than read a partial set.
        await allMeasured.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(sent, i => Assert.Equal(5, i.CallbackType));
        Assert.Equal(0, test.Coach.Finished);
        var sorted = latencies.OrderBy(t => t).ToList();
        var fromDispatch = sent.Select(i => (i.AcknowledgedAt!.Value - i.DispatchedAt).TotalMilliseconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"adapter received→callback sent: p50 {sorted[sorted.Count / 2].TotalMilliseconds:0.0} ms, p99 {sorted[(int)(sorted.Count * 0.99) - 1].TotalMilliseconds:0.0} ms, max {sorted[^1].TotalMilliseconds:0.0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fake dispatched→callback received: p50 {fromDispatch[fromDispatch.Count / 2]:0.0} ms, p99 {fromDispatch[(int)(fromDispatch.Count * 0.99) - 1]:0.0} ms, max {fromDispatch[^1]:0.0} ms"));
        test.Coach.OpenGate();
    }
}
