namespace CoachBot.Ai.Answers;

/// <summary>One ranked passage behind an answer: its id (guide, section, ordinal), retrieval score and, when semantic retrieval ran, its cosine similarity.</summary>
public sealed record PassageScore(string PassageId, float Score, float? Similarity);
