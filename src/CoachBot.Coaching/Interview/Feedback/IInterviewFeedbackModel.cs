using CoachBot.Coaching.Interview.Bank;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>
/// A model that grades an answer for correctness (the LLM through Semantic Kernel), given the rubric, the text of the
/// question's reference section in the guides and retrieved passages. Null result: unavailable or failed, use the
/// offline coverage check.
/// </summary>
public interface IInterviewFeedbackModel
{
    /// <summary>True when a model is configured at all.</summary>
    bool IsConfigured { get; }

    Task<ParsedFeedback?> EvaluateAsync(
        InterviewQuestion question,
        string answer,
        string? referenceText,
        IReadOnlyList<ScoredPassage> passages,
        CancellationToken cancellationToken);
}
