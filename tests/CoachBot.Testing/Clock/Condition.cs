namespace CoachBot.Testing.Clock;

/// <summary>Waits for state another thread is about to reach (a waiter queued, a counter moved): a failure guard, not a sleep.</summary>
public static class Condition
{
    /// <summary>Polls <paramref name="condition"/> until it holds; throws when it still does not after <paramref name="guard"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan guard)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = new CancellationTokenSource(guard);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token).ConfigureAwait(false);
        }
    }
}
