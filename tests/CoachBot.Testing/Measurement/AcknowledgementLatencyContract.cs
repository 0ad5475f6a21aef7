using CoachBot.Testing.StandIns;
using Xunit;
using Xunit.Abstractions;

namespace CoachBot.Testing.Measurement;

/// <summary>
/// What every adapter owes under a burst: 200 requests at once while the coach is stuck (a slow LLM) are all
/// acknowledged inside the platform's window, and none is answered yet. The latencies are printed for
/// docs/benchmarks.md, not asserted (no wall-clock assertions in tests). A platform's test class says how it starts,
/// sends, waits for the acknowledgements and measures.
/// </summary>
/// <typeparam name="TRig">The adapter running against its fake platform, with the stand-in coach.</typeparam>
public abstract class AcknowledgementLatencyContract<TRig>(ITestOutputHelper output)
    where TRig : IAsyncDisposable
{
    protected const int Concurrent = 200;

    [Fact]
    public async Task TwoHundredConcurrentRequests_WithTheCoachBlocked_AreAllAcknowledged_AndNoneAnswered()
    {
        await using var rig = await StartAsync();
        var coach = CoachOf(rig);
        coach.CloseGate();

        var measured = await SendAllAndMeasureAsync(rig);

        Assert.Equal(0, coach.Finished);
        Assert.NotEmpty(measured);
        foreach (var series in measured)
        {
            Assert.Equal(Concurrent, series.Milliseconds.Count);
            output.WriteLine(series.ToString());
        }

        coach.OpenGate();
    }

    protected abstract Task<TRig> StartAsync();

    protected abstract StandInCoach CoachOf(TRig rig);

    /// <summary>
    /// Sends <see cref="Concurrent"/> requests at once, waits for every acknowledgement, asserts each is an
    /// acknowledgement and that the platform saw no answer, and returns what was measured.
    /// </summary>
    protected abstract Task<IReadOnlyList<LatencySeries>> SendAllAndMeasureAsync(TRig rig);
}
