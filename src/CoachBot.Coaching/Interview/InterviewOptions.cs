using System.ComponentModel.DataAnnotations;

namespace CoachBot.Coaching.Interview;

/// <summary>Mock-interview settings. Bound from the "Interview" section.</summary>
public sealed class InterviewOptions
{
    public const string SectionName = "Interview";

    public const int MinQuestions = 3;
    public const int MaxQuestions = 8;

    /// <summary>Questions in an interview when <c>/interview</c> names no count.</summary>
    [Range(MinQuestions, MaxQuestions)]
    public int DefaultQuestions { get; set; } = 5;

    /// <summary>Level when <c>/interview</c> names none: junior, mid, senior or lead.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^(junior|mid|senior|lead)$", ErrorMessage = "Interview:DefaultLevel must be junior, mid, senior or lead.")]
    public string DefaultLevel { get; set; } = "junior";

    /// <summary>An interview with no answer for this long is closed; the next message gets a note instead of feedback.</summary>
    [Range(1, 1440)]
    public int IdleTimeoutMinutes { get; set; } = 60;

    /// <summary>Answers with fewer words get a nudge instead of a score.</summary>
    [Range(1, 50)]
    public int MinAnswerWords { get; set; } = 3;

    /// <summary>The question bank folder; empty: <c>interview/</c> inside the knowledge folder (<c>Knowledge:Path</c>).</summary>
    public string? BankPath { get; set; }

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);
}
