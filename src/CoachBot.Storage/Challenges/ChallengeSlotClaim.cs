namespace CoachBot.Storage.Challenges;

/// <summary>
/// The row that makes a scheduled post happen exactly once per community and week: it is inserted before posting, and
/// the unique index on (<see cref="CommunityKey"/>, <see cref="WeekKey"/>) lets only one scheduler instance (of any
/// process sharing the database) win the insert.
/// </summary>
public sealed class ChallengeSlotClaim
{
    public long Id { get; set; }

    public string CommunityKey { get; set; } = "";

    /// <summary>ISO week of the slot in the schedule's time zone, e.g. <c>2026-W13</c>.</summary>
    public string WeekKey { get; set; } = "";

    /// <summary>The scheduled instant this claim is for.</summary>
    public DateTimeOffset SlotAt { get; set; }

    /// <summary>The scheduler instance that holds the claim (process and instance id), for diagnosis.</summary>
    public string ClaimedBy { get; set; } = "";

    public DateTimeOffset ClaimedAt { get; set; }

    public SlotClaimStatus Status { get; set; }

    /// <summary>How many times posting was attempted (1 on the first try).</summary>
    public int Attempts { get; set; }

    public long? ChallengeId { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
