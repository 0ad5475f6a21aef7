namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// A passage with its retrieval score for one query (higher is better; comparable only within one search).
/// <see cref="Similarity"/> is the cosine between the query's and the passage's sentence vectors when semantic
/// retrieval ran for this search (null when it is off or the passage vectors are not ready yet).
/// </summary>
public sealed record ScoredPassage(Passage Passage, float Score, float? Similarity = null);
