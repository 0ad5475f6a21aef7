namespace CoachBot.Ai.Tests.Support;

/// <summary>Finds the repository's knowledge/ and prompts/ folders from the test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Guides => Path.Combine(Root, "knowledge", "guides");

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

        throw new DirectoryNotFoundException("Repository root with knowledge/ and prompts/ not found above " + AppContext.BaseDirectory);
    }
}
