namespace CoachBot.Slack.Inbound;

/// <summary>
/// Remembers what was already handled so a re-delivery (Socket Mode retry_attempt &gt; 0, HTTP X-Slack-Retry-Num, the
/// same mention arriving as app_mention and message) is acknowledged but answered once. Keys live 15 minutes.
/// </summary>
public sealed class SlackDeliveryDeduplicator(TimeProvider timeProvider)
{
    private readonly ExpiringKeySet _seen = new(timeProvider, TimeSpan.FromMinutes(15), capacity: 50_000);

    /// <summary>True the first time a key is seen; false for a duplicate. Null or empty keys are never duplicates.</summary>
    public bool IsFirstDelivery(string? key) => string.IsNullOrEmpty(key) || _seen.TryAdd(key);
}
