using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Ai.Answers;

/// <summary>
/// What the offline composer works from: the retrieved passages (best first), the question as asked (its words weigh
/// most), an optional earlier question the follow-up builds on, and the terms retrieval expanded the query with.
/// </summary>
public sealed record OfflineComposeRequest(
    IReadOnlyList<ScoredPassage> Passages,
    string Question,
    string? Context = null,
    IReadOnlyList<string>? ExpandedTerms = null);
