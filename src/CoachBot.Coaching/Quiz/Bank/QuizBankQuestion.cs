namespace CoachBot.Coaching.Quiz.Bank;

/// <summary>A question as written in YAML; <see cref="Answer"/> is the letter of the correct option (A–D).</summary>
public sealed class QuizBankQuestion
{
    public string? Id { get; set; }

    public string? Difficulty { get; set; }

    public string? Question { get; set; }

    public List<string>? Options { get; set; }

    public string? Answer { get; set; }

    public string? Explanation { get; set; }

    public string? Reference { get; set; }
}
