namespace CoachBot.Coaching.Interview.Scoring;

/// <summary>Whether an answer can be scored, or why it gets a nudge instead.</summary>
public enum AnswerVerdict
{
    /// <summary>A real attempt: scored against the rubric.</summary>
    Scored,

    /// <summary>Nothing was written.</summary>
    Empty,

    /// <summary>A word or two ("yes", "no idea"): too short to judge.</summary>
    TooShort,

    /// <summary>Shares no vocabulary with the question or its rubric.</summary>
    OffTopic,
}
