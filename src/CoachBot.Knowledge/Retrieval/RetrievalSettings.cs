namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// The weights of the retrieval model. The defaults are the shipped tuning; the switches exist so the benchmark's
/// quality report can show what each lever contributes.
/// </summary>
public sealed record RetrievalSettings
{
    public static RetrievalSettings Default { get; } = new();

    /// <summary>Weight of a match in the passage text.</summary>
    public float BodyBoost { get; init; } = 1.0f;

    /// <summary>Weight of a match in the guide title and section headings of the passage.</summary>
    public float HeadingsBoost { get; init; } = 0.4f;

    /// <summary>Weight of a match in the section's expansion questions (document expansion).</summary>
    public float QuestionsBoost { get; init; } = 1.0f;

    /// <summary>
    /// Weight of a match in the passage's own expansion questions (entries with a <c>part</c>): 0.75, chosen in #12
    /// round 9 on the development sets (docs/benchmarks.md).
    /// </summary>
    public float PassageQuestionsBoost { get; init; } = 0.75f;

    /// <summary>Weight of a match in the guide's topics.</summary>
    public float TopicsBoost { get; init; } = 0.2f;

    /// <summary>Weight of two neighbouring question words found together (as a phrase); 0 turns it off.</summary>
    public float WordPairWeight { get; init; } = 0.3f;

    /// <summary>Weight of a synonym expansion relative to a word of the question.</summary>
    public float SynonymWeight { get; init; } = 0.2f;

    /// <summary>Weight of a near spelling (edit distance 1) of a question word the guides never use.</summary>
    public float FuzzyWeight { get; init; } = 0.3f;

    /// <summary>
    /// How many salient terms of the first results feed back into the query (pseudo-relevance feedback). Off (0) by
    /// default: measured, it did not raise recall on the held-out set and lowered MRR on the main set.
    /// </summary>
    public int FeedbackTerms { get; init; }

    /// <summary>Weight of a feedback term.</summary>
    public float FeedbackWeight { get; init; } = 0.15f;

    /// <summary>How many of the first results feedback terms are drawn from.</summary>
    public int FeedbackDocuments { get; init; } = 2;

    /// <summary>
    /// A question word whose inverse document frequency over all passages is below this gets a proportionally lower
    /// weight, so words every guide uses ("backend", "engineer", "career") cannot outvote the word the question is about
    /// through a field where they happen to be rare. 0 turns the damping off.
    /// </summary>
    public double CommonWordIdf { get; init; }

    /// <summary>The lowest weight damping leaves a question word.</summary>
    public float MinWordWeight { get; init; } = 0.15f;

    /// <summary>A word in more than this share of passages is common: synonym expansions made only of common words are dropped.</summary>
    public double CommonShare { get; init; } = 0.15;

    /// <summary>BM25 term-frequency saturation. 0.9 since #12 round 6 (1.2 before), with <see cref="B"/> 0.5: chosen on the development sets (docs/benchmarks.md).</summary>
    public float K1 { get; init; } = 0.9f;

    /// <summary>
    /// BM25 length normalisation (0: none, 1: full). 0.5 since #12 round 6 (Lucene's 0.75 before): chosen on the
    /// development sets, where Lucene alone and the fusion gain MRR on every set and Lucene alone +1 question on two of
    /// them (docs/benchmarks.md).
    /// </summary>
    public float B { get; init; } = 0.5f;

    /// <summary>At most this many passages of one section in a result.</summary>
    public int MaxPerSection { get; init; } = 2;

    public bool UseHeadings { get; init; } = true;

    public bool UseSynonyms { get; init; } = true;

    public bool UseExpansions { get; init; } = true;
}
