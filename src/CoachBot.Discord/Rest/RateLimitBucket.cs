namespace CoachBot.Discord.Rest;

/// <summary>One Discord rate-limit bucket: requests in it go one at a time and wait when Remaining reaches zero.</summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }

    public DateTimeOffset LastUsed { get; set; }
}
