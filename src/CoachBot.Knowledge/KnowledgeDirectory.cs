namespace CoachBot.Knowledge;

/// <summary>Finds the knowledge folder: the configured <see cref="KnowledgeOptions.Path"/>, or the nearest <c>knowledge/guides</c> upwards.</summary>
public static class KnowledgeDirectory
{
    /// <summary>The knowledge folder to use, or null when <paramref name="configuredPath"/> is empty and none is found.</summary>
    public static string? Resolve(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return Path.GetFullPath(configuredPath);
        }

        return FindUpwards(Directory.GetCurrentDirectory()) ?? FindUpwards(AppContext.BaseDirectory);
    }

    /// <summary>The first <c>knowledge</c> folder with a <c>guides</c> sub-folder at or above <paramref name="start"/>.</summary>
    public static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "knowledge");
            if (Directory.Exists(Path.Combine(candidate, "guides")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Whether a folder looks like a knowledge folder (has <c>guides/</c> with at least one guide).</summary>
    public static bool IsKnowledgeFolder(string path) =>
        Directory.Exists(Path.Combine(path, "guides")) && Directory.EnumerateFiles(Path.Combine(path, "guides"), "*.md").Any();
}
