namespace CoachBot.Coaching.Tests.Support;

/// <summary>Stores a finished quiz straight in the database, for features that read quiz answers (roadmap, reminders).</summary>
public static class QuizAnswerSeed
{
    /// <summary>One completed quiz of <paramref name="skill"/>: the first <paramref name="right"/> of <paramref name="total"/> answers right.</summary>
    public static async Task AnsweredAsync(IDbContextFactory<CoachBotDbContext> contexts, CommandContext who, string skill, int right, int total, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(who);
        await using var db = await contexts.CreateDbContextAsync();
        var session = new QuizSession
        {
            Id = Guid.NewGuid().ToString("N"), CommunityKey = who.Conversation.CommunityKey, ConversationKey = who.Conversation.ToString(),
            UserKey = who.User.Key, Skill = skill, QuestionIds = "q", QuestionCount = total, CurrentIndex = total, CorrectCount = right,
            Status = QuizSessionStatus.Completed, StartedAt = at, LastActivityAt = at, EndedAt = at,
        };
        for (var i = 0; i < total; i++)
        {
            session.Answers.Add(new QuizAnswer
            {
                QuestionIndex = i, QuestionId = skill + "-q" + i, Skill = skill, Reference = "r", IsCorrect = i < right,
                UserKey = who.User.Key, CommunityKey = who.Conversation.CommunityKey, AnsweredAt = at,
            });
        }

        db.Add(session);
        await db.SaveChangesAsync();
    }
}
