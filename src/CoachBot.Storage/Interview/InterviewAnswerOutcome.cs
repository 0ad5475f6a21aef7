namespace CoachBot.Storage.Interview;

/// <summary>What happened to one interview question. Stored as text.</summary>
public enum InterviewAnswerOutcome
{
    /// <summary>Answered and scored (1–5).</summary>
    Scored,

    /// <summary>Skipped with <c>/interview skip</c>.</summary>
    Skipped,
}
