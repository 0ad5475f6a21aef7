using System.ComponentModel.DataAnnotations;

namespace CoachBot.Coaching.Feedback;

/// <summary>Feedback on answers (👍 / 👎). Bound from the "Feedback" section.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>
    /// How long after an answer a vote on it is taken; older answers that nobody voted on are deleted, so the answer
    /// records stay bounded. The moderator report covers votes cast in the same window.
    /// </summary>
    [Range(1, 365)]
    public int VoteWindowDays { get; set; } = 30;

    /// <summary>How many of the most down-voted questions <c>/feedback report</c> lists.</summary>
    [Range(1, 20)]
    public int ReportTop { get; set; } = 5;

    /// <summary>How often unvoted answers past the window are deleted.</summary>
    [Range(1, 1440)]
    public int CleanupIntervalMinutes { get; set; } = 60;

    public TimeSpan VoteWindow => TimeSpan.FromDays(VoteWindowDays);
}
