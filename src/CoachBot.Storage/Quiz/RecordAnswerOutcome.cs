namespace CoachBot.Storage.Quiz;

public enum RecordAnswerOutcome
{
    /// <summary>The answer was stored and the session moved on.</summary>
    Recorded,

    /// <summary>This question already has an answer (a double or replayed click); nothing changed.</summary>
    AlreadyAnswered,

    NotFound,

    /// <summary>The session belongs to someone else; nothing changed.</summary>
    NotOwner,

    /// <summary>The session had been idle too long; it is now marked expired.</summary>
    Expired,

    /// <summary>The session is over (completed, abandoned or expired earlier).</summary>
    NotActive,

    /// <summary>The click names a question that has not been asked yet (a forged id).</summary>
    NotCurrent,
}
