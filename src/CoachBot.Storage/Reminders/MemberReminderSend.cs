namespace CoachBot.Storage.Reminders;

/// <summary>
/// The claim that makes a reminder go out at most once per member and local day, whatever the number of processes:
/// inserted before the DM is sent, and the unique index on (<see cref="UserKey"/>, <see cref="LocalDate"/>) lets only one
/// instance win (the challenge scheduler's slot claim, per member).
/// </summary>
public sealed class MemberReminderSend
{
    public long Id { get; set; }

    public string UserKey { get; set; } = "";

    /// <summary>The slot's date in the member's time zone, <c>yyyy-MM-dd</c>.</summary>
    public string LocalDate { get; set; } = "";

    public DateTimeOffset SlotAt { get; set; }

    /// <summary>The scheduler instance that won the claim (for diagnosis).</summary>
    public string ClaimedBy { get; set; } = "";

    public DateTimeOffset ClaimedAt { get; set; }

    public ReminderSendStatus Status { get; set; }

    /// <summary>How many items were due when the claim was taken.</summary>
    public int DueCount { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
