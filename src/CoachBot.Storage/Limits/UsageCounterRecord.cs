namespace CoachBot.Storage.Limits;

/// <summary>
/// One row of <c>usage_counters</c>: a key's count in one fixed window (rate limits per minute, the LLM budget per UTC
/// day), shared by every process on a PostgreSQL database. Times are Unix milliseconds, written by raw SQL.
/// </summary>
public sealed class UsageCounterRecord
{
    public string Key { get; set; } = "";

    public long WindowStart { get; set; }

    public long Count { get; set; }

    /// <summary>When the row may be deleted: the end of the window after this one (it is still read as "the previous").</summary>
    public long ExpiresAt { get; set; }
}
