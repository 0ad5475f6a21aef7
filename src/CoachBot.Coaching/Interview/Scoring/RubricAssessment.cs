using CoachBot.Coaching.Interview.Bank;

namespace CoachBot.Coaching.Interview.Scoring;

/// <summary>The offline rubric check of one answer: the verdict, a 1–5 score when scored, and which points were covered.</summary>
public sealed record RubricAssessment(
    AnswerVerdict Verdict,
    int Score,
    IReadOnlyList<RubricPoint> Covered,
    IReadOnlyList<RubricPoint> Missing)
{
    public bool IsScored => Verdict == AnswerVerdict.Scored;

    public static RubricAssessment Nudge(AnswerVerdict verdict, IReadOnlyList<RubricPoint> rubric) => new(verdict, 0, [], rubric);
}
