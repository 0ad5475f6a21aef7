namespace CoachBot.Coaching.Tests.Interview.Support;

/// <summary>The repository's folders the interview tests read: the guides, the interview bank and the prompts.</summary>
public static class InterviewRepo
{
    public static string Knowledge => RepositoryFolders.Knowledge;

    public static string Bank => Path.Combine(RepositoryFolders.Knowledge, "interview");

    public static string Prompts => RepositoryFolders.Prompts;
}
