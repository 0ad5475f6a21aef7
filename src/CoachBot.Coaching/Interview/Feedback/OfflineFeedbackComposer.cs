using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Scoring;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>Turns a rubric assessment into feedback: covered points are the strengths, the rest are missing, and the full rubric is the outline.</summary>
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

        var strengths = assessment.Covered.Select(p => "You covered: " + LowerFirst(p.Point)).ToList();
        var missing = assessment.Missing.Select(p => p.Point).ToList();
        var outline = Outline(question);
        return new AnswerFeedback(assessment.Score, strengths, missing, outline, FeedbackSource.Offline)
        {
            FollowUp = question.FollowUp,
            Sources = sources,
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

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}
