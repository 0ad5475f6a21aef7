namespace CoachBot.Coaching.Progress;

/// <summary>Consecutive UTC days with at least one answer, ending today (or yesterday: a streak survives until the day is over).</summary>
public static class StreakCalculator
{
    public static int Days(IEnumerable<DateTimeOffset> answerTimes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answerTimes);
        var days = answerTimes.Select(t => DateOnly.FromDateTime(t.UtcDateTime)).ToHashSet();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (!days.Contains(day))
        {
            day = day.AddDays(-1);
        }

        var streak = 0;
        while (days.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }
}
