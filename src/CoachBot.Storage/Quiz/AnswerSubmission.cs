namespace CoachBot.Storage.Quiz;

/// <summary>A click to record: who answered which question of which session, and whether it was right.</summary>
public sealed record AnswerSubmission(
    string SessionId,
    string UserKey,
    int QuestionIndex,
    string QuestionId,
    string Skill,
    string Reference,
    int ChosenOption,
    bool IsCorrect,
    DateTimeOffset AnsweredAt,
    TimeSpan IdleTimeout);
