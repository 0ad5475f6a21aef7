namespace CoachBot.Coaching.Tests.Challenges;

public sealed class WeeklyScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly WeeklySchedule MondayNineBerlin = new(DayOfWeek.Monday, 9, 0, Berlin);

    [Fact]
    public void LatestOccurrence_AcrossSpringForward_KeepsNineOClockLocal()
    {
        // CET (UTC+1) until Sunday 29 March 2026 02:00, CEST (UTC+2) after.
        var before = MondayNineBerlin.LatestOccurrence(Utc(2026, 3, 1), Utc(2026, 3, 23, 12));
        var after = MondayNineBerlin.LatestOccurrence(Utc(2026, 3, 1), Utc(2026, 3, 30, 12));

        Assert.Equal(Utc(2026, 3, 23, 8), before);
        Assert.Equal(Utc(2026, 3, 30, 7), after);
        Assert.Equal(TimeSpan.Zero, after!.Value.Offset); // stored instants are UTC
    }

    [Fact]
    public void LatestOccurrence_AcrossFallBack_KeepsNineOClockLocal()
    {
        // CEST until Sunday 25 October 2026 03:00, CET after.
        Assert.Equal(Utc(2026, 10, 19, 7), MondayNineBerlin.LatestOccurrence(Utc(2026, 10, 1), Utc(2026, 10, 19, 7)));
        Assert.Equal(Utc(2026, 10, 26, 8), MondayNineBerlin.LatestOccurrence(Utc(2026, 10, 1), Utc(2026, 10, 26, 8)));
        Assert.Equal(Utc(2026, 10, 19, 7), MondayNineBerlin.LatestOccurrence(Utc(2026, 10, 1), Utc(2026, 10, 26, 7, 59)));
    }

    [Fact]
    public void LatestOccurrence_ATimeSkippedBySpringForward_FiresOnceAtTheFirstValidMoment()
    {
        var sundayHalfPastTwo = new WeeklySchedule(DayOfWeek.Sunday, 2, 30, Berlin);

        var slot = sundayHalfPastTwo.LatestOccurrence(Utc(2026, 3, 28), Utc(2026, 3, 29, 12));

        Assert.Equal(Utc(2026, 3, 29, 1), slot); // 03:00 CEST
    }

    [Fact]
    public void LatestOccurrence_ATimeRepeatedByFallBack_FiresOnce()
    {
        var sundayHalfPastTwo = new WeeklySchedule(DayOfWeek.Sunday, 2, 30, Berlin);

        var slots = Enumerable.Range(0, 4 * 60)
            .Select(minute => sundayHalfPastTwo.LatestOccurrence(Utc(2026, 10, 24), Utc(2026, 10, 24, 23).AddMinutes(minute)))
            .OfType<DateTimeOffset>()
            .Distinct()
            .ToList();

        Assert.Equal([Utc(2026, 10, 25, 0, 30)], slots); // the first 02:30 (CEST)
    }

    [Fact]
    public void LatestOccurrence_OnlyTheLatestSlot_IsReturnedAfterWeeksOfDowntime()
    {
        var slot = MondayNineBerlin.LatestOccurrence(Utc(2026, 11, 1), Utc(2026, 11, 25, 12));

        Assert.Equal(Utc(2026, 11, 23, 8), slot);
    }

    [Fact]
    public void LatestOccurrence_BeforeTheScheduleTookEffect_IsNull()
    {
        Assert.Null(MondayNineBerlin.LatestOccurrence(Utc(2026, 11, 23, 8, 1), Utc(2026, 11, 29, 23)));
        Assert.Null(MondayNineBerlin.LatestOccurrence(Utc(2026, 11, 23, 9), Utc(2026, 11, 23, 8)));
    }

    [Fact]
    public void WeekKey_IsTheIsoWeekInTheSchedulesTimeZone()
    {
        Assert.Equal("2026-W48", MondayNineBerlin.WeekKey(Utc(2026, 11, 23, 8)));
        // Sunday 23:30 UTC is already Monday in Berlin: the next ISO week there.
        var sundayLate = new WeeklySchedule(DayOfWeek.Monday, 0, 30, Berlin);
        Assert.Equal("2027-W01", sundayLate.WeekKey(Utc(2027, 1, 3, 23, 30)));
    }

    [Fact]
    public void NextOccurrence_IsOneLocalWeekLater_EvenAcrossDaylightSaving()
    {
        var next = MondayNineBerlin.NextOccurrence(Utc(2026, 3, 23, 8));

        Assert.Equal(Utc(2026, 3, 30, 7), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
        Assert.Equal(TimeSpan.FromHours(167), next - Utc(2026, 3, 23, 8));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
