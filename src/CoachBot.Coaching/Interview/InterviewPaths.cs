using CoachBot.Knowledge;

namespace CoachBot.Coaching.Interview;

/// <summary>Where the question bank and the knowledge folder are: configured paths, or found upwards like the guides are.</summary>
public static class InterviewPaths
{
    public const string BankFolderName = "interview";

    public static string KnowledgeDirectory(KnowledgeOptions knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return CoachBot.Knowledge.KnowledgeDirectory.Resolve(knowledge.Path)
            ?? throw new DirectoryNotFoundException($"No knowledge folder found; set {KnowledgeOptions.SectionName}:Path.");
    }

    public static string BankDirectory(InterviewOptions interview, KnowledgeOptions knowledge)
    {
        ArgumentNullException.ThrowIfNull(interview);
        return string.IsNullOrWhiteSpace(interview.BankPath)
            ? Path.Combine(KnowledgeDirectory(knowledge), BankFolderName)
            : Path.GetFullPath(interview.BankPath);
    }
}
