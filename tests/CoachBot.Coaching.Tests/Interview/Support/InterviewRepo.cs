namespace CoachBot.Coaching.Tests.Interview.Support;

/// <summary>Finds the repository's knowledge/ and prompts/ folders from the test's output directory.</summary>
public static class InterviewRepo
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Bank => Path.Combine(Root, "knowledge", "interview");

    public static string Prompts => Path.Combine(Root, "prompts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "knowledge", "interview")) && Directory.Exists(Path.Combine(dir.FullName, "prompts")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root with knowledge/interview and prompts/ not found above " + AppContext.BaseDirectory);
    }
}
