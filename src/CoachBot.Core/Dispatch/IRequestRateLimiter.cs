using CoachBot.Core.Conversations;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// Decides whether a request is within its person's and its community's rate limits (<see cref="RateLimitOptions"/>),
/// counting it. In process (token buckets, <see cref="RequestRateLimiter"/>) unless the storage is PostgreSQL, where
/// the counts are shared by every process (<see cref="SharedRequestRateLimiter"/>).
/// </summary>
public interface IRequestRateLimiter
{
    ValueTask<RateDecision> TryAcquireAsync(CommandContext context, CancellationToken cancellationToken);
}

/// <summary>Whether the request may go ahead; when not, about how long until it would.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateDecision Allow { get; } = new(true, TimeSpan.Zero);
}
