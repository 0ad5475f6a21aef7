namespace CoachBot.Storage.Challenges;

/// <summary>One moderator action (or a refused attempt at one): who, what, when, in which community, with details.</summary>
public sealed class ModeratorAuditEntry
{
    public long Id { get; set; }

    public string CommunityKey { get; set; } = "";

    /// <summary>The moderator's user key, or <c>coachbot:scheduler</c> for automatic actions.</summary>
    public string ActorKey { get; set; } = "";

    public string ActorName { get; set; } = "";

    /// <summary>What was done, e.g. <c>challenge.post</c>, <c>challenge.schedule.off</c>, <c>challenge.close.refused</c>.</summary>
    public string Action { get; set; } = "";

    public string Details { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? CorrelationId { get; set; }
}
