using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>
/// Feedback on one scored answer: a 1–5 score, what the answer did or mentioned, what was missing and a stronger
/// outline. From the LLM the score is a grade; offline it is coverage of the rubric's key points (<see cref="Coverage"/>),
/// which says nothing about whether the answer is correct.
/// </summary>
public sealed record AnswerFeedback(
    int Score,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> MissingPoints,
    IReadOnlyList<string> ImprovedOutline,
    FeedbackSource Source)
{
    public string? FollowUp { get; init; }

    /// <summary>The guide sections the feedback drew on (the question's reference, and the passages given to the model).</summary>
    public IReadOnlyList<Citation> Sources { get; init; } = [];

    /// <summary>Offline feedback: how many key points the answer covers. Null when the LLM graded the answer.</summary>
    public RubricCoverage? Coverage { get; init; }

    /// <summary>True when the score measures coverage of the rubric, not correctness (offline feedback).</summary>
    public bool IsCoverageOnly => Source == FeedbackSource.Offline;

    /// <summary>Set when the LLM was configured but failed and the rubric check answered instead.</summary>
    public bool LlmFellBack { get; init; }
}
