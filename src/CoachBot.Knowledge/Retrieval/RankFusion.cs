namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Fuses a lexical and a dense ranking of the same passages (arrays indexed by document id).
/// <see cref="Reciprocal"/>: reciprocal rank fusion, Σ weight / (k + rank), rank from 1, a passage missing from the
/// lexical list adds nothing from it — only positions count, so the two scales never need calibrating.
/// <see cref="WeightedSum"/>: <c>w · lexical / best lexical + (1 − w) · (dense − min) / (max − min)</c> over the passages.
/// </summary>
public static class RankFusion
{
    public static double[] Reciprocal(IReadOnlyList<double> lexical, IReadOnlyList<double> dense, double lexicalWeight, double k)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(dense);
        var fused = new double[dense.Count];
        AddReciprocalRanks(fused, lexical, lexicalWeight, k, onlyPositive: true);
        AddReciprocalRanks(fused, dense, 1 - lexicalWeight, k, onlyPositive: false);
        return fused;
    }

    /// <summary>
    /// Reciprocal rank fusion of the lexical ranking with several dense rankings (the passages' own vectors, their
    /// expansion questions, their sentences), the dense share split evenly among them: a passage near the top of two
    /// dense lists beats one that is first in a single list.
    /// </summary>
    public static double[] Reciprocal(IReadOnlyList<double> lexical, IReadOnlyList<IReadOnlyList<double>> denseLists, double lexicalWeight, double k)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(denseLists);
        var fused = new double[lexical.Count];
        AddReciprocalRanks(fused, lexical, lexicalWeight, k, onlyPositive: true);
        foreach (var dense in denseLists)
        {
            AddReciprocalRanks(fused, dense, (1 - lexicalWeight) / denseLists.Count, k, onlyPositive: false);
        }

        return fused;
    }

    public static double[] WeightedSum(IReadOnlyList<double> lexical, IReadOnlyList<double> dense, double lexicalWeight)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(dense);
        var bestLexical = lexical.Count == 0 ? 0 : lexical.Max();
        var minDense = dense.Count == 0 ? 0 : dense.Min();
        var rangeDense = dense.Count == 0 ? 0 : dense.Max() - minDense;
        var fused = new double[dense.Count];
        for (var i = 0; i < fused.Length; i++)
        {
            var lexicalPart = bestLexical > 0 ? Math.Max(0, lexical[i]) / bestLexical : 0;
            var densePart = rangeDense > 0 ? (dense[i] - minDense) / rangeDense : 0;
            fused[i] = (lexicalWeight * lexicalPart) + ((1 - lexicalWeight) * densePart);
        }

        return fused;
    }

    /// <summary>Document ids by fused score, best first; ties go to the better lexical score, then the lower id.</summary>
    public static int[] Order(IReadOnlyList<double> fused, IReadOnlyList<double> lexical)
    {
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(lexical);
        return [.. Enumerable.Range(0, fused.Count).OrderByDescending(i => fused[i]).ThenByDescending(i => lexical[i]).ThenBy(i => i)];
    }

    /// <summary>Adds <c>weight / (k + rank)</c> of one ranking to <paramref name="fused"/> (with <paramref name="onlyPositive"/>, only positive scores are ranked).</summary>
    public static void AddReciprocalRanks(double[] fused, IReadOnlyList<double> scores, double weight, double k, bool onlyPositive)
    {
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(scores);
        var ranked = Enumerable.Range(0, scores.Count)
            .Where(i => (!onlyPositive || scores[i] > 0) && scores[i] > double.MinValue)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => i);
        var rank = 0;
        foreach (var i in ranked)
        {
            rank++;
            fused[i] += weight / (k + rank);
        }
    }
}
