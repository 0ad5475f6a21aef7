namespace CoachBot.Core.Limits;

/// <summary>
/// Counters per key and fixed time window (the rate limits' minutes, the LLM budget's UTC days). In process by default;
/// with <c>Storage:Provider=Postgres</c> they live in the database, so every process on it counts against one number.
/// </summary>
public interface IWindowCounters
{
    /// <summary>
    /// Adds one to each key's counter for the window starting at <paramref name="windowStart"/> (of
    /// <paramref name="windowLength"/>), atomically per key, and returns each key's new count with the count of the
    /// window before it, in the order of <paramref name="keys"/>.
    /// </summary>
    ValueTask<IReadOnlyList<WindowCount>> IncrementAsync(
        IReadOnlyList<string> keys, DateTimeOffset windowStart, TimeSpan windowLength, CancellationToken cancellationToken);

    /// <summary>The key's count in the window starting at <paramref name="windowStart"/> (0 when nothing was counted).</summary>
    ValueTask<long> ReadAsync(string key, DateTimeOffset windowStart, CancellationToken cancellationToken);
}

/// <summary>A counter after an increment: this window's count and the previous window's.</summary>
public readonly record struct WindowCount(long Current, long Previous);
