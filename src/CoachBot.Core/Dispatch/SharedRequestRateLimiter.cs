using CoachBot.Core.Conversations;
using CoachBot.Core.Limits;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// Rate limits counted in <see cref="IWindowCounters"/> (the database's, with PostgreSQL), so N processes allow one
/// person and one community their configured rate, not N times it. Each request adds one to two one-minute counters
/// (the person's in the community, and the community's quota key, <see cref="ConversationKey.QuotaKey"/>) in one
/// round trip, and is allowed while the sliding estimate (this minute's count plus the previous minute's, weighted by
/// how much of it still lies within the last 60 s) stays within the limit. Refused requests count too, so a flood stays
/// out until it slows down. The local operator is never limited.
/// </summary>
public sealed class SharedRequestRateLimiter(IWindowCounters counters, IOptions<RateLimitOptions> options, TimeProvider time) : IRequestRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async ValueTask<RateDecision> TryAcquireAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsLocalOperator)
        {
            return RateDecision.Allow;
        }

        var now = time.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Window.Ticks), TimeSpan.Zero);
        var elapsed = now - windowStart;
        string[] keys = ["rate:u:" + context.Conversation.CommunityKey + ":" + context.User.Key, "rate:c:" + context.Conversation.QuotaKey(context.User.Key)];
        var counts = await counters.IncrementAsync(keys, windowStart, Window, cancellationToken);
        var limits = options.Value;
        var overUser = Estimate(counts[0], elapsed) > limits.PerUserPerMinute;
        var overCommunity = Estimate(counts[1], elapsed) > limits.PerCommunityPerMinute;
        if (!overUser && !overCommunity)
        {
            return RateDecision.Allow;
        }

        // The estimate falls as the minute goes on; the rest of this minute is an honest upper bound for the wait.
        var retryAfter = Window - elapsed;
        return new RateDecision(false, retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
    }

    private static double Estimate(WindowCount count, TimeSpan elapsed) =>
        count.Current + (count.Previous * (1 - (elapsed / Window)));
}
