using System.ComponentModel.DataAnnotations;

namespace CoachBot.Coaching.Quiz;

/// <summary>Quiz settings. Bound from the "Quiz" section.</summary>
public sealed class QuizOptions
{
    public const string SectionName = "Quiz";

    public const int MinQuestions = 3;
    public const int MaxQuestions = 10;

    /// <summary>Folder of the question bank; empty: <c>quizzes/</c> inside the knowledge folder.</summary>
    public string? BankPath { get; set; }

    [Range(MinQuestions, MaxQuestions)]
    public int DefaultQuestionCount { get; set; } = 5;

    /// <summary>A quiz with no answer for this long expires.</summary>
    [Range(1, 1440)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How often expired quizzes are swept.</summary>
    [Range(1, 1440)]
    public int CleanupIntervalMinutes { get; set; } = 5;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);
}
