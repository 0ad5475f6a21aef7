namespace CoachBot.Coaching.Tests.Progress;

public sealed class StreakCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Days_ConsecutiveDaysEndingToday_CountsThem()
    {
        var times = new[] { Now, Now.AddDays(-1), Now.AddDays(-2).AddHours(-5), Now.AddDays(-4) };

        Assert.Equal(3, StreakCalculator.Days(times, Now));
    }

    [Fact]
    public void Days_LastAnswerYesterday_StreakStillCounts()
    {
        Assert.Equal(2, StreakCalculator.Days([Now.AddDays(-1), Now.AddDays(-2)], Now));
    }

    [Fact]
    public void Days_LastAnswerTwoDaysAgo_StreakIsZero()
    {
        Assert.Equal(0, StreakCalculator.Days([Now.AddDays(-2)], Now));
    }

    [Fact]
    public void Days_SeveralAnswersOnOneDay_CountOnce()
    {
        Assert.Equal(1, StreakCalculator.Days([Now, Now.AddHours(-1), Now.AddHours(-2)], Now));
    }
}
