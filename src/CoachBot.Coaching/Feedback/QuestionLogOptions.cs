using System.ComponentModel.DataAnnotations;

namespace CoachBot.Coaching.Feedback;

/// <summary>
/// The question log the moderators' dashboard reads (every question with its decision, retrieval scores and votes).
/// Bound from the "Dashboard" section.
/// </summary>
public sealed class QuestionLogOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// How many days a logged question (and the votes on its answer) is kept. A record is never deleted inside the vote
    /// window (Feedback:VoteWindowDays), so the longer of the two applies.
    /// </summary>
    [Range(1, 3650)]
    public int QuestionLogDays { get; set; } = 90;
}
