namespace CoachBot.Storage.Quiz;

/// <summary>One person's standing in a community over a period.</summary>
public sealed record LeaderboardEntry(string UserKey, int Correct, int Answered, int QuizzesCompleted, DateTimeOffset LastAnsweredAt)
{
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}
