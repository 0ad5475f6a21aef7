using System.Globalization;

namespace CoachBot.Knowledge.Evaluation;

/// <summary>
/// The outcome of an evaluation run: recall@k (share of questions with the evidence in a top-k passage) and MRR
/// (mean over questions of 1/rank of the first top-k passage containing the evidence, 0 when none does).
/// </summary>
public sealed record EvaluationResult(
    int K,
    int Count,
    int Hits,
    double Recall,
    double MeanReciprocalRank,
    IReadOnlyList<EvaluationMiss> Misses,
    IReadOnlyList<EvaluationLineError> Errors)
{
    /// <summary>The report's last line, e.g. <c>recall@3=0.924 mrr=0.851 n=66</c>.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"recall@{K}={Recall:0.000} mrr={MeanReciprocalRank:0.000} n={Count}");
}
