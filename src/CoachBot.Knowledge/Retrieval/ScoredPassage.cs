namespace CoachBot.Knowledge.Retrieval;

/// <summary>A passage with its retrieval score for one query (higher is better; comparable only within one search).</summary>
public sealed record ScoredPassage(Passage Passage, float Score);
