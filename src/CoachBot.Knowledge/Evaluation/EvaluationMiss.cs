namespace CoachBot.Knowledge.Evaluation;

/// <summary>A question whose evidence was in none of the top-k passages, with the passages that were returned instead.</summary>
public sealed record EvaluationMiss(EvaluationCase Case, IReadOnlyList<string> TopPassageIds);
