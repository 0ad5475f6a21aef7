namespace CoachBot.Knowledge.Retrieval;

/// <summary>How dense and lexical rankings are fused.</summary>
public enum FusionMethod
{
    /// <summary>Reciprocal rank fusion (positions only).</summary>
    Reciprocal,

    /// <summary>A weighted sum of scores normalised per query.</summary>
    WeightedSum,
}

/// <summary>
/// The tuning of <see cref="HybridPassageRetriever"/>. The defaults were chosen on <c>knowledge/eval/questions.jsonl</c>
/// only (the held-out set measures them; see docs/benchmarks.md, "Semantic retrieval (#12)").
/// </summary>
public sealed record HybridSettings
{
    public static HybridSettings Default { get; } = new();

    public FusionMethod Fusion { get; init; } = FusionMethod.Reciprocal;

    /// <summary>Share of the lexical ranking in the fusion (the dense ranking gets the rest).</summary>
    public double LexicalWeight { get; init; } = 0.6;

    /// <summary>
    /// Share of a text's hubness (its mean cosine with its nearest expansion questions) taken off its cosine with the
    /// query, for the ranking only (confidence uses plain cosines). 0 turns it off.
    /// </summary>
    public double HubnessWeight { get; init; }

    /// <summary>Reciprocal rank fusion's k: larger flattens the difference between the first places.</summary>
    public double ReciprocalK { get; init; } = 60;

    /// <summary>
    /// A passage's dense score is the better of its own cosine and this share of the best cosine of an expansion
    /// question pointing at it (questions are worded like questions, so they sit closer to any question).
    /// </summary>
    public double QuestionWeight { get; init; } = 0.8;

    /// <summary>Likewise for the best cosine with one sentence of the passage (0: sentences not used).</summary>
    public double SentenceWeight { get; init; } = 0.9;

    /// <summary>
    /// With <see cref="FusionMethod.Reciprocal"/>: fuse the passages', expansion questions' and sentences' dense rankings
    /// as three lists (the dense share split among them) instead of one ranking by the best of the three.
    /// </summary>
    public bool SeparateDenseLists { get; init; }

    /// <summary>How many lexical hits take part in the fusion.</summary>
    public int LexicalCandidates { get; init; } = 50;

    /// <summary>A best dense score at or below this adds no confidence (off-topic questions stay below it).</summary>
    public double SimilarityFloor { get; init; } = 0.45;

    /// <summary>A best dense score at or above this alone gives full confidence.</summary>
    public double SimilarityCeiling { get; init; } = 0.75;
}
