using CoachBot.Coaching.Review;

namespace CoachBot.Coaching.Tests.Review;

public sealed class Sm2SchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_first_miss_is_due_at_once_and_lowers_the_ease_factor()
    {
        var clock = new FakeTimeProvider(Start);

        var schedule = Sm2Scheduler.FirstMiss(clock.GetUtcNow());

        Assert.Equal(Start, schedule.DueAt);
        Assert.Equal(0, schedule.Repetitions);
        // q = 1: 2.5 + (0.1 - 4 * (0.08 + 4 * 0.02)) = 1.96
        Assert.Equal(1.96, schedule.EaseFactor, 6);
    }

    [Fact]
    public void Right_answers_space_out_one_day_then_six_then_interval_times_ease()
    {
        var clock = new FakeTimeProvider(Start);
        var schedule = Sm2Scheduler.FirstMiss(clock.GetUtcNow());

        schedule = Sm2Scheduler.AfterAnswer(schedule, correct: true, clock.GetUtcNow());
        Assert.Equal(Start.AddDays(1), schedule.DueAt);
        Assert.Equal(1.96, schedule.EaseFactor, 6); // q = 4 leaves the factor unchanged

        clock.SetUtcNow(schedule.DueAt);
        schedule = Sm2Scheduler.AfterAnswer(schedule, correct: true, clock.GetUtcNow());
        Assert.Equal(Start.AddDays(1 + 6), schedule.DueAt);

        clock.SetUtcNow(schedule.DueAt);
        schedule = Sm2Scheduler.AfterAnswer(schedule, correct: true, clock.GetUtcNow());
        Assert.Equal(12, schedule.IntervalDays); // ceil(6 * 1.96) = 12
        Assert.Equal(Start.AddDays(1 + 6 + 12), schedule.DueAt);

        clock.SetUtcNow(schedule.DueAt);
        schedule = Sm2Scheduler.AfterAnswer(schedule, correct: true, clock.GetUtcNow());
        Assert.Equal(24, schedule.IntervalDays); // ceil(12 * 1.96) = 24
    }

    [Fact]
    public void A_wrong_answer_restarts_the_repetitions_and_comes_back_tomorrow()
    {
        var clock = new FakeTimeProvider(Start);
        var schedule = new ReviewSchedule(2.5, 3, 15, Start);

        clock.Advance(TimeSpan.FromHours(5));
        var after = Sm2Scheduler.AfterAnswer(schedule, correct: false, clock.GetUtcNow());

        Assert.Equal(0, after.Repetitions);
        Assert.Equal(1, after.IntervalDays);
        Assert.Equal(Start.AddHours(5).AddDays(1), after.DueAt);
        Assert.Equal(1.96, after.EaseFactor, 6);
    }

    [Fact]
    public void The_ease_factor_never_drops_below_one_point_three()
    {
        var schedule = Sm2Scheduler.FirstMiss(Start);
        for (var i = 0; i < 10; i++)
        {
            schedule = Sm2Scheduler.AfterAnswer(schedule, correct: false, Start);
        }

        Assert.Equal(Sm2Scheduler.MinimumEaseFactor, schedule.EaseFactor, 6);
        var right = Sm2Scheduler.AfterAnswer(Sm2Scheduler.AfterAnswer(Sm2Scheduler.AfterAnswer(schedule, true, Start), true, Start), true, Start);
        Assert.Equal(8, right.IntervalDays); // ceil(6 * 1.3)
    }

    [Fact]
    public void Missing_a_scheduled_item_again_in_a_quiz_makes_it_due_at_once()
    {
        var schedule = new ReviewSchedule(2.5, 4, 30, Start.AddDays(20));

        var missed = Sm2Scheduler.MissedAgain(schedule, Start);

        Assert.Equal(Start, missed.DueAt);
        Assert.Equal(0, missed.Repetitions);
    }
}
