using CoachBot.Coaching.Interview.Bank;

namespace CoachBot.Coaching.Interview.Scoring;

/// <summary>
/// The offline rubric check of one answer: the verdict, a 1–5 coverage score when scored, and which points the answer
/// mentions. Coverage, not correctness: a point counts as covered when the answer talks about it, right or wrong.
/// </summary>
public sealed record RubricAssessment(
    AnswerVerdict Verdict,
    int Score,
    IReadOnlyList<RubricPoint> Covered,
    IReadOnlyList<RubricPoint> Missing)
{
    public bool IsScored => Verdict == AnswerVerdict.Scored;

    /// <summary>True when the points were matched by meaning (sentence embeddings) as well as by keywords.</summary>
    public bool MatchedByMeaning { get; init; }

    /// <summary>Share of the answer's words in sentences about the question (1 when only keywords were checked).</summary>
    public double OnTopicShare { get; init; } = 1;

    /// <summary>Most of the answer is about something else; the score was lowered by one for it.</summary>
    public bool MostlyUnrelated { get; init; }

    public static RubricAssessment Nudge(AnswerVerdict verdict, IReadOnlyList<RubricPoint> rubric) => new(verdict, 0, [], rubric);
}
