using System.Globalization;
using Cronos;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// "Every Monday 09:00 Europe/Berlin" as a Cronos expression evaluated in the time zone, so daylight-saving changes
/// keep the local time (09:00 stays 09:00; a time skipped in spring fires at the first valid moment, a repeated time in
/// autumn fires once).
/// </summary>
public sealed class WeeklySchedule
{
    private readonly CronExpression _expression;

    public WeeklySchedule(DayOfWeek day, int hour, int minute, TimeZoneInfo timeZone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        ArgumentOutOfRangeException.ThrowIfNegative(minute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minute, 59);
        Day = day;
        Hour = hour;
        Minute = minute;
        TimeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
        _expression = CronExpression.Parse(string.Create(CultureInfo.InvariantCulture, $"{minute} {hour} * * {(int)day}"));
    }

    public DayOfWeek Day { get; }

    public int Hour { get; }

    public int Minute { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// The latest occurrence in [<paramref name="notBefore"/>, <paramref name="now"/>] (in UTC), or null. Only the latest: slots
    /// missed while the bot was down are not replayed one by one.
    /// </summary>
    public DateTimeOffset? LatestOccurrence(DateTimeOffset notBefore, DateTimeOffset now)
    {
        if (now < notBefore)
        {
            return null;
        }

        // A week and a day back is enough to contain the latest weekly occurrence.
        var from = now - TimeSpan.FromDays(8) > notBefore ? now - TimeSpan.FromDays(8) : notBefore;
        DateTimeOffset? latest = null;
        foreach (var occurrence in _expression.GetOccurrences(from, now, TimeZone, fromInclusive: true, toInclusive: true))
        {
            latest = occurrence;
        }

        // Cronos answers in the zone's offset; storage wants UTC (Npgsql rejects other offsets, SQLite compares ticks).
        return latest?.ToUniversalTime();
    }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>, in UTC.</summary>
    public DateTimeOffset NextOccurrence(DateTimeOffset instant) =>
        (_expression.GetNextOccurrence(instant, TimeZone, inclusive: false)
            ?? throw new InvalidOperationException("A weekly schedule always has a next occurrence.")).ToUniversalTime();

    /// <summary>The ISO week of the occurrence in the schedule's time zone, e.g. <c>2026-W13</c>: the claim's key.</summary>
    public string WeekKey(DateTimeOffset occurrence)
    {
        var local = TimeZoneInfo.ConvertTime(occurrence, TimeZone).DateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}");
    }

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"every {Day} at {Hour:00}:{Minute:00} ({TimeZone.Id})");

    /// <summary>Finds an IANA (or Windows) time-zone id; false for unknown ids.</summary>
    public static bool TryFindTimeZone(string? id, out TimeZoneInfo timeZone)
    {
        timeZone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        try
        {
            timeZone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
