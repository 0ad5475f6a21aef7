using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Scoring;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>
/// Turns a rubric assessment into coverage feedback: the key points the answer mentions, the ones it does not, and the
/// full rubric as the model answer's outline. Nothing here says a point was made well or correctly: the offline check
/// cannot tell.
/// </summary>
public static class OfflineFeedbackComposer
{
    public static AnswerFeedback Compose(InterviewQuestion question, RubricAssessment assessment, IReadOnlyList<Citation> sources)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(assessment);
        if (!assessment.IsScored)
        {
            throw new ArgumentException("Only scored assessments have feedback.", nameof(assessment));
        }

        var mentioned = assessment.Covered.Select(p => p.Point).ToList();
        var missing = assessment.Missing.Select(p => p.Point).ToList();
        var outline = Outline(question);
        return new AnswerFeedback(assessment.Score, mentioned, missing, outline, FeedbackSource.Offline)
        {
            FollowUp = question.FollowUp,
            Sources = sources,
            Coverage = new RubricCoverage(assessment.Covered.Count, question.Rubric.Count, assessment.MatchedByMeaning, assessment.MostlyUnrelated),
        };
    }

    /// <summary>A strong answer's shape: STAR steps for behavioral questions, then the rubric points in order.</summary>
    public static IReadOnlyList<string> Outline(InterviewQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Star is { } star)
        {
            return
            [
                "Situation: " + star.Situation,
                "Task: " + star.Task,
                "Action: " + star.Action,
                "Result: " + star.Result,
            ];
        }

        return question.Rubric.Select(p => p.Point).ToList();
    }
}
