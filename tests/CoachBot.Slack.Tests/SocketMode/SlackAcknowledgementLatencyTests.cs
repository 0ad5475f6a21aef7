using System.Diagnostics;
using CoachBot.Testing.Measurement;
using Xunit.Abstractions;

namespace CoachBot.Slack.Tests.SocketMode;

/// <summary>
/// Issue 4's ack-latency figure, as the burst contract for Slack Socket Mode: 200 app mentions delivered at once are
/// all acked while every handler is stuck and no chat.postMessage has been sent.
/// </summary>
public sealed class SlackAcknowledgementLatencyTests(ITestOutputHelper output) : AcknowledgementLatencyContract<SlackAdapterHarness>(output)
{
    protected override async Task<SlackAdapterHarness> StartAsync()
    {
        var harness = await SlackAdapterHarness.StartSocketModeAsync();
        harness.Fake.RedeliverUnacked = false;
        return harness;
    }

    protected override StandInCoach CoachOf(SlackAdapterHarness rig) => rig.Coach;

    protected override async Task<IReadOnlyList<LatencySeries>> SendAllAndMeasureAsync(SlackAdapterHarness rig)
    {
        var fake = rig.Fake;
        // Warm-up: JIT and connection paths, not measured.
        var warm = await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U1", "warm", "D1", fake.NextTs(), "im")));
        await fake.WaitForAckAsync(warm);

        var ids = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i => fake.SendEnvelopeAsync("events_api",
            FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U" + i.ToString(CultureInfo.InvariantCulture), "<@UBOT111> question " + i, "C111", fake.NextTs())))));
        await fake.WaitForAcksAsync(ids.ToHashSet(), TimeSpan.FromSeconds(30));

        Assert.Empty(fake.CallsTo("chat.postMessage"));
        var sent = fake.Envelopes.ToDictionary(e => e.EnvelopeId, e => e.Timestamp);
        var acks = fake.Acks.Where(a => ids.Contains(a.EnvelopeId)).ToList();
        var firstSent = ids.Min(id => sent[id]);
        return
        [
            new("ack latency", [.. acks.Select(a => Stopwatch.GetElapsedTime(sent[a.EnvelopeId], a.Timestamp).TotalMilliseconds)]),
            new("sent after the first send (the spread)", [.. ids.Select(id => Stopwatch.GetElapsedTime(firstSent, sent[id]).TotalMilliseconds)]),
            new("acked after the first send", [.. acks.Select(a => Stopwatch.GetElapsedTime(firstSent, a.Timestamp).TotalMilliseconds)]),
        ];
    }
}
