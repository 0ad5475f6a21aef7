namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// The passages found for a query, best first, plus how sure retrieval is that the guides cover the question at all
/// (<see cref="Confidence"/> in [0, 1]; the answer service declines below its threshold) and the query terms it
/// actually searched (after synonym expansion), for logs and the evaluation tool. <see cref="QueryVector"/> is the
/// query's sentence vector when semantic retrieval embedded it (null otherwise), so later steps (choosing sentences to
/// quote, judging coverage) reuse it instead of embedding the question again.
/// </summary>
public sealed record RetrievalResult(IReadOnlyList<ScoredPassage> Passages, double Confidence, IReadOnlyList<string> ExpandedTerms, float[]? QueryVector = null)
{
    public static RetrievalResult Empty { get; } = new([], 0, []);
}
