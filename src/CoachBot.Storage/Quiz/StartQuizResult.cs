namespace CoachBot.Storage.Quiz;

/// <summary><see cref="Started"/> is false when the person already had an active quiz in the conversation; <see cref="Session"/> is then that quiz.</summary>
public sealed record StartQuizResult(QuizSession Session, bool Started);
