namespace CoachBot.Storage.Tests.Faults;

/// <summary>A three-question quiz session and the clicks on it, for the fault tests.</summary>
internal static class QuizClicks
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static QuizSession Session(string id) => new()
    {
        Id = id,
        CommunityKey = "discord:g1",
        ConversationKey = "discord:g1/c1",
        UserKey = "discord:u1",
        Skill = "databases",
        QuestionIds = "q0\nq1\nq2",
        QuestionCount = 3,
        StartedAt = Start,
        LastActivityAt = Start,
    };

    public static AnswerSubmission Click(string sessionId, int index, bool correct = true) =>
        new(sessionId, "discord:u1", index, "q" + index, "databases", "guide#section-" + index, correct ? 0 : 1, correct,
            Start.AddMinutes(index + 1), TimeSpan.FromMinutes(30));
}
