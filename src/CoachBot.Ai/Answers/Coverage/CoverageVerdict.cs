namespace CoachBot.Ai.Answers.Coverage;

/// <summary>
/// The judge's decision and why: <see cref="Missing"/> are the details the passages do not mention (partly answered),
/// <see cref="MissingFigures"/> says a figure was asked for and the passages give none, <see cref="Reason"/> is a short
/// explanation for logs, and the evidence figures it rests on (<see cref="Semantic"/> is null when the model is off).
/// </summary>
public sealed record CoverageVerdict(
    AnswerCoverage Coverage,
    IReadOnlyList<QuestionConstraint> Missing,
    bool MissingFigures,
    FigureKind Figure,
    double Confidence,
    double? Semantic,
    string Reason)
{
    /// <summary>The opening of a partly covered answer ("The guides don't give figures for London; the closest they have:").</summary>
    public string? Note => Coverage == AnswerCoverage.PartlyAnswered
        ? CoachReplies.PartlyCovered(Missing.Select(Describe).ToArray(), Figure is FigureKind.Money or FigureKind.Rate && !Missing.Any(m => m.Kind == ConstraintKind.Action))
        : null;

    private static string Describe(QuestionConstraint constraint) => constraint.Kind switch
    {
        ConstraintKind.Role => constraint.Text + " roles",
        ConstraintKind.Action => "how to " + constraint.Text,
        _ => constraint.Text,
    };
}
