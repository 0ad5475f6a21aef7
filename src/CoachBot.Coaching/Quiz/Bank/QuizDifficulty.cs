namespace CoachBot.Coaching.Quiz.Bank;

/// <summary>The difficulty words used in the bank and in <c>/quiz … difficulty</c>.</summary>
public static class QuizDifficulty
{
    public const string Easy = "easy";
    public const string Medium = "medium";
    public const string Hard = "hard";

    public static IReadOnlyList<string> All { get; } = [Easy, Medium, Hard];

    public static string? Normalize(string? text)
    {
        var value = text?.Trim().ToLowerInvariant();
        return value is not null && All.Contains(value) ? value : null;
    }
}
