using CoachBot.Coaching.Interview.Scoring;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>The result of judging an answer: feedback with a score, or a nudge (empty, too short, off-topic) with none.</summary>
public sealed record AnswerEvaluation(AnswerVerdict Verdict, AnswerFeedback? Feedback)
{
    public bool IsScored => Feedback is not null;

    public static AnswerEvaluation Nudge(AnswerVerdict verdict) => new(verdict, null);

    public static AnswerEvaluation Scored(AnswerFeedback feedback) => new(AnswerVerdict.Scored, feedback);
}
