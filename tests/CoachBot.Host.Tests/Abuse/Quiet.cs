namespace CoachBot.Host.Tests.Abuse;

/// <summary>Waits for a host to go quiet: none of the counters (requests sent, log entries…) moves for a short while.</summary>
public static class Quiet
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns once nothing changed for 300 ms, or after <paramref name="limit"/> (a guard, not a measurement).</summary>
    public static async Task WaitAsync(TimeSpan limit, params Func<int>[] counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var deadline = DateTime.UtcNow + limit;
        var last = counters.Select(c => c()).ToArray();
        var stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(Step);
            var now = counters.Select(c => c()).ToArray();
            if (!now.SequenceEqual(last))
            {
                last = now;
                stableSince = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - stableSince >= Window)
            {
                return;
            }
        }
    }
}
