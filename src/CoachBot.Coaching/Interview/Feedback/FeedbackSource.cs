namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>Who judged an answer.</summary>
public enum FeedbackSource
{
    /// <summary>The deterministic rubric check.</summary>
    Offline,

    /// <summary>The configured LLM, through the interview-feedback prompt.</summary>
    Llm,
}
