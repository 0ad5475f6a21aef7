namespace CoachBot.Storage.Feedback;

/// <summary>Vote counts for a community over a period.</summary>
public sealed record FeedbackTotals(int Up, int Down)
{
    public int Total => Up + Down;
}
