namespace CoachBot.Storage.Feedback;

public enum FeedbackVote
{
    Up,
    Down,
}
