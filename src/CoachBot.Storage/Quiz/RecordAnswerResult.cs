namespace CoachBot.Storage.Quiz;

/// <summary>What happened to a click, with the session as it is now (null only when it does not exist).</summary>
public sealed record RecordAnswerResult(RecordAnswerOutcome Outcome, QuizSession? Session, QuizAnswer? Answer);
