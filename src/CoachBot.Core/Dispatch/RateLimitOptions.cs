using System.ComponentModel.DataAnnotations;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// How fast one person, and one community as a whole, may use the bot. Over the limit, people get a friendly
/// "slow down" reply instead of an answer. Bound from the "RateLimits" section.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Requests one person may make per minute (commands, messages and clicks together).</summary>
    [Range(1, 100_000)]
    public int PerUserPerMinute { get; set; } = 30;

    /// <summary>Requests a whole community (Discord server, Slack workspace) may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int PerCommunityPerMinute { get; set; } = 1200;
}
