namespace CoachBot.Ai.Answers;

/// <summary>
/// What <see cref="PromptInjectionGuard"/> found: the structural signals it saw, and the question with the offending
/// sentences or clauses cut out (<see cref="Remainder"/>), which is what gets searched and answered.
/// </summary>
public sealed record InjectionAssessment(IReadOnlyList<string> Signals, string Remainder)
{
    public bool IsSuspicious => Signals.Count > 0;
}
