using CoachBot.Core.DataFolders;

namespace CoachBot.Knowledge;

/// <summary>
/// Finds the knowledge folder (one with <c>guides/</c>) and the banks inside it, by <see cref="DataFolderResolver"/>'s
/// search order: the configured <see cref="KnowledgeOptions.Path"/>, then upwards from the working directory, then
/// upwards from the app's folder.
/// </summary>
public static class KnowledgeDirectory
{
    public const string FolderName = "knowledge";

    /// <summary>The knowledge folder to use, or null when <paramref name="configuredPath"/> is empty and none is found.</summary>
    public static string? Resolve(string? configuredPath) =>
        DataFolderResolver.Resolve(configuredPath, FolderName, HasGuidesFolder);

    /// <summary>The first <c>knowledge</c> folder with a <c>guides</c> sub-folder at or above <paramref name="start"/>.</summary>
    public static string? FindUpwards(string start) => DataFolderResolver.FindUpwards(start, FolderName, HasGuidesFolder);

    /// <summary>
    /// A bank folder: <paramref name="bankPath"/> when set (the feature's own key, e.g. <c>Quiz:BankPath</c>), otherwise
    /// <paramref name="folderName"/> inside the knowledge folder. Throws naming both keys when neither can be found.
    /// </summary>
    public static string ResolveBank(string? bankPath, string bankKey, string? knowledgePath, string folderName)
    {
        if (!string.IsNullOrWhiteSpace(bankPath))
        {
            return Path.GetFullPath(bankPath);
        }

        var knowledge = Resolve(knowledgePath)
            ?? throw new DirectoryNotFoundException(
                $"No knowledge folder found {DataFolderResolver.SearchedPlaces()}; set {bankKey} or {KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.Path)}.");
        return Path.Combine(knowledge, folderName);
    }

    /// <summary>Whether a folder looks like a knowledge folder (has <c>guides/</c> with at least one guide).</summary>
    public static bool IsKnowledgeFolder(string path) =>
        Directory.Exists(Path.Combine(path, "guides")) && Directory.EnumerateFiles(Path.Combine(path, "guides"), "*.md").Any();

    private static bool HasGuidesFolder(string candidate) => Directory.Exists(Path.Combine(candidate, "guides"));
}
