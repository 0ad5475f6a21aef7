namespace CoachBot.Knowledge.Evaluation;

/// <summary>A line of an evaluation file that was skipped, and why.</summary>
public sealed record EvaluationLineError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
