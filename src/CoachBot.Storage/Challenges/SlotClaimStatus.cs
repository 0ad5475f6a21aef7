namespace CoachBot.Storage.Challenges;

/// <summary>Where a scheduled weekly post stands.</summary>
public enum SlotClaimStatus
{
    /// <summary>A scheduler instance owns the slot and is posting.</summary>
    Claimed,

    /// <summary>Posted; nothing more to do for this week.</summary>
    Posted,

    /// <summary>The post failed; one retry is allowed on a later tick.</summary>
    Failed,

    /// <summary>Given up (retry failed too, or the owner vanished mid-post); logged, never retried.</summary>
    Abandoned,
}
