namespace CoachBot.Coaching.Quiz.Bank;

/// <summary>A skill of the bank (one file): its id, title, the names people may type for it, and its questions.</summary>
public sealed record QuizSkill(string Id, string Title, IReadOnlyList<string> Aliases, IReadOnlyList<QuizQuestion> Questions)
{
    /// <summary>The distinct guide sections the questions point at, in bank order (what to read for this skill).</summary>
    public IReadOnlyList<string> References { get; } = Questions.Select(q => q.Reference).Distinct(StringComparer.Ordinal).ToList();
}
