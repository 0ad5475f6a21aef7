using CoachBot.Ai.Llm;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Scoring;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>
/// Judges one answer. Empty, one-word and off-topic answers get a nudge (decided by the offline rubric check, the same
/// with or without a model), so they are never scored. Otherwise the LLM grades it when one is configured, given the
/// rubric, the question's reference section and the guide passages for the topic, which are cited; without a model, or
/// when the model fails, the offline check reports coverage of the rubric's key points (not correctness).
/// </summary>
public sealed class InterviewFeedbackService(
    RubricScorer scorer,
    IInterviewFeedbackModel model,
    InterviewTopicSources sources,
    LlmBudget budget)
{
    /// <summary>
    /// Scores an answer: through the model when one is configured and the community (<paramref name="quotaKey"/>, see
    /// <c>ConversationKey.QuotaKey</c>: a Discord DM user's own) has LLM budget left today, else offline against the rubric.
    /// </summary>
    public async Task<AnswerEvaluation> EvaluateAsync(
        InterviewQuestion question,
        string answer,
        string quotaKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        // The verdict first: the LLM grades a scored answer itself, so the offline coverage is only worked out (from what
        // the screen embedded) when the offline feedback is what the member gets.
        var screen = await ModelThreads.Shared.RunAsync(() => scorer.Screen(question, answer, cancellationToken), cancellationToken);
        if (!screen.IsScored)
        {
            return AnswerEvaluation.Nudge(screen.Verdict);
        }

        if (!model.IsConfigured || !await budget.TryConsumeAsync(quotaKey, cancellationToken))
        {
            return AnswerEvaluation.Scored(await ModelThreads.Shared.RunAsync(() => OfflineFeedbackComposer.Compose(question, scorer.Assess(screen, cancellationToken), sources.Citations(question, [])), cancellationToken));
        }

        var passages = await ModelThreads.Shared.RunAsync(() => sources.Passages(question), cancellationToken);
        var parsed = await model.EvaluateAsync(question, answer, sources.ReferenceText(question), passages, cancellationToken);
        if (parsed is null)
        {
            var offline = await ModelThreads.Shared.RunAsync(() => OfflineFeedbackComposer.Compose(question, scorer.Assess(screen, cancellationToken), sources.Citations(question, [])), cancellationToken) with { LlmFellBack = true };
            return AnswerEvaluation.Scored(offline);
        }

        return AnswerEvaluation.Scored(new AnswerFeedback(parsed.Score, parsed.Strengths, parsed.MissingPoints, parsed.ImprovedOutline, FeedbackSource.Llm)
        {
            FollowUp = parsed.FollowUp ?? question.FollowUp,
            Sources = sources.Citations(question, passages),
        });
    }
}
