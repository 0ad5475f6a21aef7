namespace CoachBot.Knowledge.Evaluation;

/// <summary>One line of an evaluation file: a question and a short verbatim piece of the passage that answers it.</summary>
public sealed record EvaluationCase(int Line, string Question, string Evidence);
