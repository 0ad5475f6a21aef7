using System.Diagnostics;
using Xunit.Abstractions;

namespace CoachBot.Slack.Tests.SocketMode;

/// <summary>
/// Issue 4's ack-latency figure: 200 envelopes delivered at once while every handler is stuck (a slow LLM). The test
/// pins the behaviour (all acked, none answered yet); the latency figures are printed, not asserted (no wall-clock
/// assertions in tests).
/// </summary>
public sealed class AckLatencyMeasurementTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoHundredConcurrentEnvelopes_AreAllAcked_WhileEveryHandlerIsStillBlocked()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        fake.RedeliverUnacked = false;
        harness.Coach.CloseGate();
        // Warm-up: JIT and connection paths, not measured.
        var warm = await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U1", "warm", "D1", fake.NextTs(), "im")));
        await fake.WaitForAckAsync(warm);

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => fake.SendEnvelopeAsync("events_api",
            FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U" + i.ToString(CultureInfo.InvariantCulture), "<@UBOT111> question " + i, "C111", fake.NextTs())))));
        await fake.WaitForAcksAsync(ids.ToHashSet(), TimeSpan.FromSeconds(30));

        Assert.Empty(fake.CallsTo("chat.postMessage"));
        var sent = fake.Envelopes.ToDictionary(e => e.EnvelopeId, e => e.Timestamp);
        var latencies = fake.Acks.Where(a => ids.Contains(a.EnvelopeId))
            .Select(a => Stopwatch.GetElapsedTime(sent[a.EnvelopeId], a.Timestamp).TotalMilliseconds)
            .Order()
            .ToList();
        Assert.Equal(200, latencies.Count);
        var firstSent = ids.Min(id => sent[id]);
        var lastSent = ids.Max(id => sent[id]);
        var acks = fake.Acks.Where(a => ids.Contains(a.EnvelopeId)).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"send spread {Stopwatch.GetElapsedTime(firstSent, lastSent).TotalMilliseconds:F2} ms, first ack after {Stopwatch.GetElapsedTime(firstSent, acks.Min(a => a.Timestamp)).TotalMilliseconds:F2} ms, last ack after {Stopwatch.GetElapsedTime(firstSent, acks.Max(a => a.Timestamp)).TotalMilliseconds:F2} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ack latency over {latencies.Count} envelopes: p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
