using System.Globalization;
using CoachBot.Coaching.Challenges;
using CoachBot.Storage.Reminders;
using Cronos;

namespace CoachBot.Coaching.Reminders;

/// <summary>
/// When a member's reminder falls, evaluated in their time zone with Cronos (daylight-saving changes keep the local
/// time), and the local date that keys its once-a-day claim.
/// </summary>
public sealed class ReminderSlot
{
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    private ReminderSlot(CronExpression expression, TimeZoneInfo zone)
    {
        _expression = expression;
        _zone = zone;
    }

    /// <summary>Null when the reminder names a time zone this machine does not know.</summary>
    public static ReminderSlot? For(MemberReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (!WeeklySchedule.TryFindTimeZone(reminder.TimeZoneId, out var zone))
        {
            return null;
        }

        var day = reminder.Day is { } d ? ((int)d).ToString(CultureInfo.InvariantCulture) : "*";
        return new ReminderSlot(CronExpression.Parse(string.Create(CultureInfo.InvariantCulture, $"{reminder.Minute} {reminder.Hour} * * {day}")), zone);
    }

    /// <summary>The latest occurrence in [<paramref name="notBefore"/>, <paramref name="now"/>], in UTC, or null.</summary>
    public DateTimeOffset? Latest(DateTimeOffset notBefore, DateTimeOffset now)
    {
        if (now < notBefore)
        {
            return null;
        }

        DateTimeOffset? latest = null;
        foreach (var occurrence in _expression.GetOccurrences(notBefore, now, _zone, fromInclusive: true, toInclusive: true))
        {
            latest = occurrence;
        }

        return latest?.ToUniversalTime();
    }

    public DateTimeOffset Next(DateTimeOffset after) =>
        (_expression.GetNextOccurrence(after, _zone, inclusive: false) ?? throw new InvalidOperationException("A reminder always has a next time.")).ToUniversalTime();

    /// <summary>The occurrence's date in the member's time zone, <c>yyyy-MM-dd</c>.</summary>
    public string LocalDate(DateTimeOffset occurrence) =>
        TimeZoneInfo.ConvertTime(occurrence, _zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
