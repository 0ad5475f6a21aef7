namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// What a question turned into: its content words (analyzed, stop words removed), the weighted terms to search,
/// and for each content word the other terms that stand for it (synonyms, near spellings) — the confidence estimate
/// counts a word as covered when the knowledge base knows the word or one of its stand-ins.
/// </summary>
public sealed record QueryPlan(
    IReadOnlyList<string> ContentTokens,
    IReadOnlyList<WeightedTerm> Terms,
    IReadOnlyDictionary<string, IReadOnlySet<string>> SynonymStandIns,
    IReadOnlyDictionary<string, IReadOnlySet<string>> SpellingStandIns)
{
    public static QueryPlan Empty { get; } = new([], [], new Dictionary<string, IReadOnlySet<string>>(), new Dictionary<string, IReadOnlySet<string>>());

    public bool IsEmpty => Terms.Count == 0;
}
