namespace CoachBot.Storage.Feedback;

/// <summary>One member's 👍 or 👎 on one answer (at most one row per member per answer; a second click changes it).</summary>
public sealed class AnswerVote
{
    public const int CommentLength = 1000;

    public long Id { get; set; }

    public string AnswerId { get; set; } = "";

    /// <summary>The answer's community, copied so the report reads one table.</summary>
    public string CommunityKey { get; set; } = "";

    public string VoterKey { get; set; } = "";

    public FeedbackVote Vote { get; set; }

    /// <summary>"What was wrong?", optional, only with a 👎; shown to moderators in the report, never publicly.</summary>
    public string? Comment { get; set; }

    public DateTimeOffset VotedAt { get; set; }
}
