namespace CoachBot.Coaching.Quiz.Bank;

/// <summary>A skill file as written in YAML (knowledge/quizzes/&lt;skill&gt;.yaml).</summary>
public sealed class QuizBankFile
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public List<string>? Aliases { get; set; }

    public List<QuizBankQuestion>? Questions { get; set; }
}
