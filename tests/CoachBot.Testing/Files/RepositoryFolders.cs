namespace CoachBot.Testing.Files;

/// <summary>The repository's knowledge/ and prompts/ folders, found by walking up from the test's output folder.</summary>
public static class RepositoryFolders
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Prompts => Path.Combine(Root, "prompts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "knowledge", "guides")) && Directory.Exists(Path.Combine(dir.FullName, "prompts")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root with knowledge/guides and prompts/ not found above " + AppContext.BaseDirectory);
    }
}
