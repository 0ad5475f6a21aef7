using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Ai.Tests.Support;

/// <summary>
/// Moves a fake clock forward in steps until something has happened, so the resilience pipeline's pauses and timeouts
/// (which wait on the registered TimeProvider) elapse without real waiting. The real-time bound only guards against a
/// hang; nothing is asserted about real time.
/// </summary>
public static class FakeClockPump
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    public static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(done);
        using var guard = new CancellationTokenSource(Guard);
        while (!done())
        {
            time.Advance(step);
            await Task.Delay(10, guard.Token);
        }
    }
}
