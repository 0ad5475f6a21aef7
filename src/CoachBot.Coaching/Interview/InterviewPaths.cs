using CoachBot.Core.DataFolders;
using CoachBot.Knowledge;

namespace CoachBot.Coaching.Interview;

/// <summary>Where the question bank and the knowledge folder are: configured paths, or found by <see cref="KnowledgeDirectory"/>.</summary>
public static class InterviewPaths
{
    public const string BankFolderName = "interview";

    public static string KnowledgeDirectory(KnowledgeOptions knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return CoachBot.Knowledge.KnowledgeDirectory.Resolve(knowledge.Path)
            ?? throw new DirectoryNotFoundException(
                $"No knowledge folder found {DataFolderResolver.SearchedPlaces()}; set {KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.Path)}.");
    }

    public static string BankDirectory(InterviewOptions interview, KnowledgeOptions knowledge)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(knowledge);
        return CoachBot.Knowledge.KnowledgeDirectory.ResolveBank(
            interview.BankPath, $"{InterviewOptions.SectionName}:{nameof(InterviewOptions.BankPath)}", knowledge.Path, BankFolderName);
    }
}
