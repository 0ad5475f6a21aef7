namespace CoachBot.Testing.Clock;

/// <summary>
/// Moves a fake clock forward in fixed steps until some work completes, advancing only when the work is quiet (no
/// request on the wire, twice in a row a few milliseconds apart). Start the work with <see cref="StartAsync{T}"/>: it
/// and the clock then run on threads without a SynchronizationContext, so timer continuations run inline when the
/// clock moves and a woken request is on the wire before the next step. Together with a fake server that stamps
/// requests with the same clock, tests can count what arrived inside a rate-limit window without measuring time.
/// Without a <see cref="RequestsInFlight"/> it waits a short settle between steps (for work whose timers start at
/// unknown moments, such as resilience pipelines' pauses). Nothing is asserted about real time.
/// </summary>
public static class FakeClockDriver
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs <paramref name="start"/> (which starts the work and returns at its first wait) off the test's context.</summary>
    public static Task<T> StartAsync<T>(Func<T> start) => Task.Run(start);

    /// <summary>
    /// Advances <paramref name="advance"/> by <paramref name="step"/> until <paramref name="work"/> completes, stepping
    /// only while <paramref name="inFlight"/> (when given) shows no request on the wire; returns how far the clock moved.
    /// </summary>
    public static Task<TimeSpan> AdvanceUntilCompletedAsync(Task work, Action<TimeSpan> advance, TimeSpan step, RequestsInFlight? inFlight = null, int maxSteps = 2000)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(advance);
        return Task.Run(async () =>
        {
            var moved = TimeSpan.Zero;
            for (var steps = 0; steps < maxSteps; steps++)
            {
                await WhenQuietAsync(work, inFlight).ConfigureAwait(false);
                if (work.IsCompleted)
                {
                    return moved;
                }

                advance(step);
                moved += step;
            }

            throw new TimeoutException($"The work did not complete within {maxSteps} clock steps of {step}.");
        });
    }

    private static async Task WhenQuietAsync(Task work, RequestsInFlight? inFlight)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var quietChecks = 0;
        while (!work.IsCompleted && quietChecks < 2)
        {
            await Task.WhenAny(work, Task.Delay(Settle, guard.Token)).ConfigureAwait(false);
            guard.Token.ThrowIfCancellationRequested();
            quietChecks = inFlight is null || inFlight.Count == 0 ? quietChecks + 1 : 0;
        }
    }
}
