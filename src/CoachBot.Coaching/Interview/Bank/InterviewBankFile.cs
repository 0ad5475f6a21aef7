namespace CoachBot.Coaching.Interview.Bank;

// The YAML shape of a bank file (knowledge/interview/*.yaml), read with YamlDotNet's underscored naming.
internal sealed class InterviewBankFile
{
    public string? Track { get; set; }

    public List<InterviewBankFileQuestion> Questions { get; set; } = [];
}

internal sealed class InterviewBankFileQuestion
{
    public string? Id { get; set; }

    public string? Level { get; set; }

    public string? Track { get; set; }

    public string? Question { get; set; }

    public List<InterviewBankFileRubricPoint> Rubric { get; set; } = [];

    public string? FollowUp { get; set; }

    public string? Reference { get; set; }

    public InterviewBankFileStar? Star { get; set; }
}

internal sealed class InterviewBankFileRubricPoint
{
    public string? Point { get; set; }

    public List<string> Keywords { get; set; } = [];
}

internal sealed class InterviewBankFileStar
{
    public string? Situation { get; set; }

    public string? Task { get; set; }

    public string? Action { get; set; }

    public string? Result { get; set; }
}
