namespace CoachBot.Coaching.Review;

/// <summary>
/// Spaced-repetition scheduling with SM-2 (P. A. Wozniak, 1987: "Optimization of learning", the SuperMemo 2
/// algorithm), written from the published description. Why SM-2 and not FSRS: every answer here is binary (a quiz
/// option right or wrong, a flashcard "knew it" or "didn't"), and FSRS's gain over SM-2 comes from weights fitted to a
/// long personal review history, which a member of a coaching community does not have; SM-2 is small, deterministic,
/// fully specified and easy to explain ("next in 6 days"). See docs/review.md.
/// <list type="bullet">
/// <item>Quality: a right answer is q = 4 ("correct after some hesitation"), a wrong one q = 1 ("incorrect, the right
/// answer remembered once seen").</item>
/// <item>After every answer the E-factor becomes EF + (0.1 − (5 − q)·(0.08 + (5 − q)·0.02)), never below 1.3.</item>
/// <item>q ≥ 3: repetition n grows; interval I(1) = 1 day, I(2) = 6 days, I(n) = I(n−1)·EF rounded up.</item>
/// <item>q &lt; 3: repetitions start again from the beginning (n = 0) and the item comes back after I(1) = 1 day.</item>
/// <item>Our addition: a new miss (from a quiz or an interview) is due at once, so the first review can follow it
/// straight away; that is the "repeat the items that scored below four" step of the original, done on demand.</item>
/// </list>
/// </summary>
public static class Sm2Scheduler
{
    public const double InitialEaseFactor = 2.5;
    public const double MinimumEaseFactor = 1.3;
    public const int RightQuality = 4;
    public const int WrongQuality = 1;
    public const int FirstIntervalDays = 1;
    public const int SecondIntervalDays = 6;

    /// <summary>The schedule of an item missed for the first time at <paramref name="now"/>: due at once.</summary>
    public static ReviewSchedule FirstMiss(DateTimeOffset now) =>
        new(NextEaseFactor(InitialEaseFactor, WrongQuality), 0, 0, now);

    /// <summary>An existing item missed again outside <c>/review</c> (a later quiz or interview): back to the start, due at once.</summary>
    public static ReviewSchedule MissedAgain(ReviewSchedule current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new ReviewSchedule(NextEaseFactor(current.EaseFactor, WrongQuality), 0, 0, now);
    }

    /// <summary>The schedule after a review answer given at <paramref name="now"/>.</summary>
    public static ReviewSchedule AfterAnswer(ReviewSchedule current, bool correct, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var quality = correct ? RightQuality : WrongQuality;
        var ease = NextEaseFactor(current.EaseFactor, quality);
        if (quality < 3)
        {
            return new ReviewSchedule(ease, 0, FirstIntervalDays, now.AddDays(FirstIntervalDays));
        }

        var repetitions = current.Repetitions + 1;
        var interval = repetitions switch
        {
            1 => FirstIntervalDays,
            2 => SecondIntervalDays,
            // The previous interval times the new E-factor (the original uses the factor in force after this answer).
            _ => (int)Math.Ceiling(Math.Max(current.IntervalDays, SecondIntervalDays) * ease),
        };
        return new ReviewSchedule(ease, repetitions, interval, now.AddDays(interval));
    }

    public static double NextEaseFactor(double easeFactor, int quality)
    {
        var lapse = 5 - quality;
        return Math.Max(MinimumEaseFactor, easeFactor + (0.1 - (lapse * (0.08 + (lapse * 0.02)))));
    }
}

/// <summary>SM-2 state of one item: E-factor, successful repetitions in a row, the last interval and when it is due.</summary>
public sealed record ReviewSchedule(double EaseFactor, int Repetitions, int IntervalDays, DateTimeOffset DueAt);
