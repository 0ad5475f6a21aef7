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
/// The tuning of <see cref="HybridPassageRetriever"/>. The defaults were chosen on the development sets only
/// (questions.jsonl, dev-paraphrases*.jsonl, dev-typos.jsonl; the held-out set measures them; see docs/benchmarks.md,
/// "Semantic retrieval (#12)", rounds 1–5). The neighbour votes and the sentence list were tried in round 5 and ship off.
/// </summary>
public sealed record HybridSettings
{
    public static HybridSettings Default { get; } = new();

    public FusionMethod Fusion { get; init; } = FusionMethod.Reciprocal;

    /// <summary>
    /// Share of the lexical ranking in the fusion (the dense ranking gets the rest). 0.7 since #12 round 9 (0.6 before),
    /// chosen with the passage questions on the development sets (docs/benchmarks.md).
    /// </summary>
    public double LexicalWeight { get; init; } = 0.7;

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

    /// <summary>
    /// A passage's sentence score is the mean of its best this-many sentence cosines (1: the best sentence alone). With 2,
    /// a passage with one sentence that happens to fit ranks below one whose sentences keep fitting.
    /// </summary>
    public int SentenceTopN { get; init; } = 2;

    /// <summary>
    /// When above 0, the passage's own cosine and its sentence score are blended, <c>(1 − b) · passage + b · sentences</c>,
    /// instead of taking the better of the two (the expansion questions still count by their best).
    /// </summary>
    public double SentenceBlend { get; init; } = 0.7;

    /// <summary>
    /// When above 0: the query's this-many nearest expansion questions (over all sections) vote for the passages they point
    /// at, each with its cosine, and the votes are a further ranking in the reciprocal rank fusion.
    /// </summary>
    public int NeighbourQuestions { get; init; }

    /// <summary>Share of the dense part of the fusion given to the neighbour votes (with <see cref="NeighbourQuestions"/>).</summary>
    public double NeighbourShare { get; init; } = 0.5;

    /// <summary>When above 0, the sentence scores are also a ranking of their own in the fusion, with this share of the dense part.</summary>
    public double SentenceListShare { get; init; }

    /// <summary>
    /// Shortest misspelt word corrected for the dense ranking (<see cref="SpellingCorrector.MinRankingLength"/>: shorter
    /// ones, "hw", "lern", only count for confidence). Below that, the question corrected down to this length is a further
    /// query vector of the ranking.
    /// </summary>
    public int DenseCorrectionMinLength { get; init; } = 2;

    /// <summary>
    /// When above 0, Lucene also searches the question with its misspelt words of at least this many letters corrected,
    /// and a passage's lexical score is the better of the two searches (0: Lucene reads the question as typed).
    /// </summary>
    public int LexicalCorrectionMinLength { get; init; } = 4;

    /// <summary>
    /// How long a search waits for the passage vectors while the warm-up is only reading them from the store (a restart),
    /// instead of answering lexically only (<see cref="SemanticWarmup.WaitWhileLoading"/>). It never waits while texts are
    /// being embedded. Zero: never wait.
    /// </summary>
    public TimeSpan StoredVectorsWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When true, a word of four letters or more that the sentence model's vocabulary knows as a whole word is not treated
    /// as a typo of a guide word (<see cref="Semantic.ModelVocabulary"/>), in the dense and the lexical correction alike.
    /// </summary>
    public bool KnownWordsAreNotTypos { get; init; } = true;

    /// <summary>When true, greetings, lead-ins and chat fillers are taken out of the question before both searches (<see cref="ChatRegister"/>).</summary>
    public bool StripChatRegister { get; init; } = true;

    /// <summary>
    /// When true and the question has misspelt words of <see cref="SpellingCorrector.MinRankingLength"/> letters or more,
    /// the dense ranking reads the corrected question only (instead of the better of the typed and the corrected one).
    /// </summary>
    public bool DenseCorrectedOnly { get; init; }

    /// <summary>
    /// When above 0, sections are ranked too (a section's score: its best passage score plus
    /// <see cref="SectionSecondWeight"/> times its second best, from the dense or the fused scores, <see cref="SectionFromFused"/>)
    /// and that ranking joins the reciprocal rank fusion with this share of the dense part: a section several of whose
    /// passages fit rises above one with a single passage that happens to.
    /// </summary>
    public double SectionShare { get; init; }

    /// <summary>Weight of a section's second best passage in its score (with <see cref="SectionShare"/>).</summary>
    public double SectionSecondWeight { get; init; }

    /// <summary>With <see cref="SectionShare"/>: sections are scored from the fused scores rather than the dense ones.</summary>
    public bool SectionFromFused { get; init; }

    /// <summary>How many lexical hits take part in the fusion.</summary>
    public int LexicalCandidates { get; init; } = 50;

    /// <summary>A best dense score at or below this adds no confidence (off-topic questions stay below it).</summary>
    public double SimilarityFloor { get; init; } = 0.45;

    /// <summary>A best dense score at or above this alone gives full confidence.</summary>
    public double SimilarityCeiling { get; init; } = 0.75;
}
