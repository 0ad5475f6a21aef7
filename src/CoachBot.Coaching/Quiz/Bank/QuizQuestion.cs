namespace CoachBot.Coaching.Quiz.Bank;

/// <summary>One multiple-choice question: four options, exactly one correct (<see cref="CorrectIndex"/>, 0-based).</summary>
public sealed record QuizQuestion(
    string Id,
    string Skill,
    string Difficulty,
    string Text,
    IReadOnlyList<string> Options,
    int CorrectIndex,
    string Explanation,
    string Reference)
{
    public const int OptionCount = 4;

    public string CorrectOption => Options[CorrectIndex];

    public static char Letter(int index) => (char)('A' + index);
}
