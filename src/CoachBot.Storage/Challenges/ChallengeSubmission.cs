namespace CoachBot.Storage.Challenges;

/// <summary>A member's answer to a challenge: one per member and challenge, edited in place until the due time.</summary>
public sealed class ChallengeSubmission
{
    public long Id { get; set; }

    public long ChallengeId { get; set; }

    /// <summary><c>platform:userId</c>.</summary>
    public string UserKey { get; set; } = "";

    /// <summary>Already made safe to show (no mention syntax).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Text or a link, as cleaned by the dispatcher.</summary>
    public string Content { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int EditCount { get; set; }
}
