using System.Threading.RateLimiting;
using CoachBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// Token buckets per user and per community (System.Threading.RateLimiting), refilled continuously so a burst is
/// allowed and a steady flood is not. The local operator (<see cref="CommandContext.IsLocalOperator"/>, set by the terminal
/// adapter) is never limited: it is one person on their own machine. Counts live in this process (see
/// <see cref="SharedRequestRateLimiter"/> for PostgreSQL). The
/// community bucket of a DM outside any community (Discord) is the user's own (<see cref="ConversationKey.QuotaKey"/>).
/// </summary>
public sealed class RequestRateLimiter : IRequestRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<CommandContext> _limiter;

    public RequestRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        var perUser = PartitionedRateLimiter.Create<CommandContext, string>(context =>
            context.IsLocalOperator
                ? RateLimitPartition.GetNoLimiter("local-operator")
                : RateLimitPartition.GetTokenBucketLimiter("u:" + context.Conversation.CommunityKey + ":" + context.User.Key, _ => Bucket(limits.PerUserPerMinute)));
        var perCommunity = PartitionedRateLimiter.Create<CommandContext, string>(context =>
            context.IsLocalOperator
                ? RateLimitPartition.GetNoLimiter("local-operator")
                : RateLimitPartition.GetTokenBucketLimiter("c:" + context.Conversation.QuotaKey(context.User.Key), _ => Bucket(limits.PerCommunityPerMinute)));
        _limiter = PartitionedRateLimiter.CreateChained(perUser, perCommunity);
    }

    /// <summary>Takes one permit for this request; returns false (with a retry hint) when the caller is over a limit.</summary>
    public bool TryAcquire(CommandContext context, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(context);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(5);
        return lease.IsAcquired;
    }

    public ValueTask<RateDecision> TryAcquireAsync(CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryAcquire(context, out var retryAfter) ? RateDecision.Allow : new RateDecision(false, retryAfter));

    public void Dispose() => _limiter.Dispose();

    /// <summary>
    /// A bucket holding a minute's worth of requests, refilled at exactly <paramref name="perMinute"/> a minute: a token
    /// at a time (every 60/<paramref name="perMinute"/> s) below 12 a minute, otherwise a twelfth of the minute's tokens
    /// about every 5 s. (A fixed 5-s period with a rounded-down share refilled 2 a minute at 12, and 30 at 24.)
    /// </summary>
    internal static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        var tokensPerPeriod = Math.Max(1, perMinute / 12);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerMinute * tokensPerPeriod / perMinute),
            AutoReplenishment = true,
            QueueLimit = 0,
        };
    }
}
