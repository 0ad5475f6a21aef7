using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>Feedback on one scored answer: a 1–5 score, what was good, what was missing and a stronger outline.</summary>
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

    /// <summary>Set when the LLM was configured but failed and the rubric check answered instead.</summary>
    public bool LlmFellBack { get; init; }
}
