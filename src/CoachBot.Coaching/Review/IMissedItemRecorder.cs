using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Conversations;

namespace CoachBot.Coaching.Review;

/// <summary>
/// Turns misses into review items: the quiz and interview flows tell it what the member got wrong (registered by
/// AddReviewFeature(); without it nothing is recorded).
/// </summary>
public interface IMissedItemRecorder
{
    /// <summary>A quiz question answered wrongly: it becomes (or again becomes) a review item, due at once.</summary>
    Task QuizQuestionMissedAsync(CommandContext context, QuizQuestion question, CancellationToken cancellationToken);

    /// <summary>
    /// Rubric points the LLM graded as missed on one interview answer: each becomes a self-graded flashcard (the point,
    /// the model's stronger outline as the model answer). Offline coverage misses are never passed here.
    /// </summary>
    Task InterviewPointsMissedAsync(
        CommandContext context,
        InterviewQuestion question,
        IReadOnlyList<string> missedPoints,
        IReadOnlyList<string> modelAnswer,
        CancellationToken cancellationToken);
}
