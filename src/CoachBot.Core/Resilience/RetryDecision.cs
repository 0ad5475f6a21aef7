namespace CoachBot.Core.Resilience;

/// <summary>What one attempt's outcome calls for: done (success, or a failure not worth repeating), a retry after the
/// exponential backoff, or a retry after a wait the server named (Retry-After, a rate-limit body).</summary>
public readonly record struct RetryDecision(bool ShouldRetry, TimeSpan? Wait, string Reason)
{
    public static RetryDecision Done { get; } = new(false, null, string.Empty);

    public static RetryDecision Backoff(string reason) => new(true, null, reason);

    /// <summary>Retry after exactly <paramref name="wait"/> (zero when a limiter in the attempt does the waiting).</summary>
    public static RetryDecision After(TimeSpan wait, string reason) => new(true, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, reason);
}
