using CoachBot.Coaching.Interview.Bank;

namespace CoachBot.Coaching.Interview.Flow;

/// <summary>
/// Reads a level off the average score at the level asked: 4.25 or more suggests the next level up, 3 or more the level
/// asked, 2 or more the level below, less than that two below (never under junior, never over lead).
/// </summary>
public static class InterviewLevelEstimator
{
    public static InterviewLevel Estimate(InterviewLevel asked, double averageScore)
    {
        var step = averageScore switch
        {
            >= 4.25 => 1,
            >= 3.0 => 0,
            >= 2.0 => -1,
            _ => -2,
        };
        return (InterviewLevel)Math.Clamp((int)asked + step, (int)InterviewLevel.Junior, (int)InterviewLevel.Lead);
    }
}
