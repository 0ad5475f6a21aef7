using CoachBot.Ai.Llm;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Scoring;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>
/// Judges one answer. Empty, one-word and off-topic answers get a nudge (decided by the rubric check, the same with or
/// without a model). Otherwise the LLM scores it when one is configured, given the rubric and the guide passages for the
/// topic, which are cited; without a model, or when the model fails, the offline rubric check scores it.
/// </summary>
public sealed class InterviewFeedbackService(
    RubricScorer scorer,
    IInterviewFeedbackModel model,
    InterviewTopicSources sources,
    LlmBudget budget)
{
    /// <summary>
    /// Scores an answer: through the model when one is configured and the community (<paramref name="communityKey"/>)
    /// has LLM budget left today, else offline against the rubric.
    /// </summary>
    public async Task<AnswerEvaluation> EvaluateAsync(
        InterviewQuestion question,
        string answer,
        string communityKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var assessment = scorer.Assess(question, answer);
        if (!assessment.IsScored)
        {
            return AnswerEvaluation.Nudge(assessment.Verdict);
        }

        if (!model.IsConfigured || !budget.TryConsume(communityKey))
        {
            return AnswerEvaluation.Scored(OfflineFeedbackComposer.Compose(question, assessment, sources.Citations(question, [])));
        }

        var passages = sources.Passages(question);
        var parsed = await model.EvaluateAsync(question, answer, passages, cancellationToken);
        if (parsed is null)
        {
            var offline = OfflineFeedbackComposer.Compose(question, assessment, sources.Citations(question, [])) with { LlmFellBack = true };
            return AnswerEvaluation.Scored(offline);
        }

        return AnswerEvaluation.Scored(new AnswerFeedback(parsed.Score, parsed.Strengths, parsed.MissingPoints, parsed.ImprovedOutline, FeedbackSource.Llm)
        {
            FollowUp = parsed.FollowUp ?? question.FollowUp,
            Sources = sources.Citations(question, passages),
        });
    }
}
