namespace CoachBot.Storage.Reminders;

/// <summary>
/// A member's opt-in for review reminders (<c>/remind on</c>): a DM at <see cref="Hour"/>:<see cref="Minute"/> in
/// <see cref="TimeZoneId"/>, every day or on <see cref="Day"/> only. One row per member; <c>/remind off</c> and a DM the
/// platform refuses as blocked turn it off (<see cref="StoppedReason"/> says which).
/// </summary>
public sealed class MemberReminder
{
    public long Id { get; set; }

    /// <summary><c>platform:userId</c>.</summary>
    public string UserKey { get; set; } = "";

    /// <summary><c>terminal</c>, <c>discord</c> or <c>slack</c>.</summary>
    public string Platform { get; set; } = "";

    /// <summary>The platform's own id, to open the DM.</summary>
    public string UserId { get; set; } = "";

    public bool Enabled { get; set; }

    /// <summary>Null: every day.</summary>
    public DayOfWeek? Day { get; set; }

    public int Hour { get; set; }

    public int Minute { get; set; }

    /// <summary>IANA (or Windows) time-zone id.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>Reminders are due from this instant on (the last <c>/remind on</c>): a slot earlier that day is not sent.</summary>
    public DateTimeOffset EffectiveFrom { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary><c>off</c> or <c>blocked</c> while disabled, else null.</summary>
    public string? StoppedReason { get; set; }
}
