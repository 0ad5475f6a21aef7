namespace CoachBot.Storage.Feedback;

/// <summary>What the coach decided about a logged question (stored as text).</summary>
public enum QuestionDecision
{
    /// <summary>The guides answered it.</summary>
    Answered,

    /// <summary>The guides answered part of it.</summary>
    Partly,

    /// <summary>Not covered by the guides, or refused.</summary>
    Declined,
}
