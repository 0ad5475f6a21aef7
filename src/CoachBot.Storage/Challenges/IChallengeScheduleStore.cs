namespace CoachBot.Storage.Challenges;

/// <summary>Weekly schedules and the per-week claim rows that make scheduled posts happen exactly once.</summary>
public interface IChallengeScheduleStore
{
    Task<ChallengeSchedule?> FindAsync(string communityKey, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the community's schedule.</summary>
    Task SaveAsync(ChallengeSchedule schedule, CancellationToken cancellationToken);

    /// <summary>Turns the schedule off; false when there was none or it was already off.</summary>
    Task<bool> DisableAsync(string communityKey, string updatedBy, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChallengeSchedule>> ListEnabledAsync(CancellationToken cancellationToken);

    Task<ChallengeSlotClaim?> FindClaimAsync(string communityKey, string weekKey, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the claim for (community, week). Returns false, without throwing, when another instance already holds it
    /// (the unique index refused the insert).
    /// </summary>
    Task<bool> TryClaimAsync(ChallengeSlotClaim claim, CancellationToken cancellationToken);

    /// <summary>Takes a failed claim back for its single retry; only one caller (of any process) gets true.</summary>
    Task<bool> TryTakeRetryAsync(long claimId, string claimedBy, DateTimeOffset at, int maxAttempts, CancellationToken cancellationToken);

    Task MarkFailedAsync(long claimId, SlotClaimStatus status, string problem, DateTimeOffset at, CancellationToken cancellationToken);
}
