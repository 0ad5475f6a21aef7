namespace CoachBot.Testing.Clock;

/// <summary>
/// Moves a fake clock forward in fixed steps until some work completes, advancing only when the work is quiet (no
/// request on the wire, twice in a row a few milliseconds apart). Start the work with <see cref="StartAsync{T}"/>: it
/// and the clock then run on threads without a SynchronizationContext, so timer continuations run inline when the
/// clock moves and a woken request is on the wire before the next step. Together with a fake server that stamps
/// requests with the same clock, tests can count what arrived inside a rate-limit window without measuring time.
/// </summary>
public static class FakeClockDriver
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs <paramref name="start"/> (which starts the work and returns at its first wait) off the test's context.</summary>
    public static Task<T> StartAsync<T>(Func<T> start) => Task.Run(start);

    /// <summary>Advances <paramref name="advance"/> by <paramref name="step"/> until <paramref name="work"/> completes.</summary>
    public static Task AdvanceUntilCompletedAsync(Task work, Action<TimeSpan> advance, TimeSpan step, RequestsInFlight inFlight, int maxSteps = 2000)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(advance);
        ArgumentNullException.ThrowIfNull(inFlight);
        return Task.Run(async () =>
        {
            for (var steps = 0; steps < maxSteps; steps++)
            {
                await WhenQuietAsync(work, inFlight).ConfigureAwait(false);
                if (work.IsCompleted)
                {
                    return;
                }

                advance(step);
            }

            throw new TimeoutException($"The work did not complete within {maxSteps} clock steps of {step}.");
        });
    }

    private static async Task WhenQuietAsync(Task work, RequestsInFlight inFlight)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var quietChecks = 0;
        while (!work.IsCompleted && quietChecks < 2)
        {
            await Task.WhenAny(work, Task.Delay(Settle, guard.Token)).ConfigureAwait(false);
            guard.Token.ThrowIfCancellationRequested();
            quietChecks = inFlight.Count == 0 ? quietChecks + 1 : 0;
        }
    }
}
