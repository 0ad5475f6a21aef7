namespace CoachBot.Storage.Reminders;

public enum ReminderSendStatus
{
    /// <summary>Claimed; the DM is being sent (or the instance stopped mid-send: never retried, at most once).</summary>
    Claimed,

    Sent,

    /// <summary>Nothing was due: no DM.</summary>
    NothingDue,

    /// <summary>The platform refused the DM as blocked; the reminder was turned off.</summary>
    Blocked,

    /// <summary>The DM failed for another reason; not retried that day.</summary>
    Failed,
}
