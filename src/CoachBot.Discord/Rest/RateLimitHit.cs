namespace CoachBot.Discord.Rest;

/// <summary>What a 429 ordered: wait <see cref="RetryAfter"/>, on the bucket or (when <see cref="Global"/>) on every route.</summary>
internal sealed record RateLimitHit(TimeSpan RetryAfter, bool Global);
