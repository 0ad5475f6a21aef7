namespace CoachBot.Storage.Quiz;

public enum QuizSessionStatus
{
    Active,
    Completed,
    Abandoned,
    Expired,
}
