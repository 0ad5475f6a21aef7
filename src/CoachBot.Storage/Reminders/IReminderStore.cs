namespace CoachBot.Storage.Reminders;

/// <summary>Reminder opt-ins and the per-day claims that make each reminder go out at most once.</summary>
public interface IReminderStore
{
    Task<MemberReminder?> FindAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the member's settings (one row per member).</summary>
    Task SaveAsync(MemberReminder reminder, CancellationToken cancellationToken);

    /// <summary>Turns the member's reminder off with a reason (<c>off</c>, <c>blocked</c>); false when it was not on.</summary>
    Task<bool> DisableAsync(string userKey, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberReminder>> ListEnabledAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the claim; false when another instance already holds the member's claim for that local day.</summary>
    Task<bool> TryClaimAsync(MemberReminderSend claim, CancellationToken cancellationToken);

    Task CompleteAsync(long claimId, ReminderSendStatus status, DateTimeOffset at, CancellationToken cancellationToken);
}
