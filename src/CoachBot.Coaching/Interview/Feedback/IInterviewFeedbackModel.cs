using CoachBot.Coaching.Interview.Bank;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>A model that judges an answer (the LLM through Semantic Kernel). Null result: unavailable or failed, use the rubric check.</summary>
public interface IInterviewFeedbackModel
{
    /// <summary>True when a model is configured at all.</summary>
    bool IsConfigured { get; }

    Task<ParsedFeedback?> EvaluateAsync(
        InterviewQuestion question,
        string answer,
        IReadOnlyList<ScoredPassage> passages,
        CancellationToken cancellationToken);
}
