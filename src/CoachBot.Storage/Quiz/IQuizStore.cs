namespace CoachBot.Storage.Quiz;

/// <summary>Quiz sessions and answers, and the progress and leaderboard figures computed from them.</summary>
public interface IQuizStore
{
    Task<QuizSession?> FindAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The person's active session in a conversation, if any (it may be idle past its expiry; callers check).</summary>
    Task<QuizSession?> FindActiveAsync(string userKey, string conversationKey, CancellationToken cancellationToken);

    /// <summary>Stores a new active session unless the person already has one in that conversation.</summary>
    Task<StartQuizResult> StartAsync(QuizSession session, CancellationToken cancellationToken);

    /// <summary>Ends an active session (abandoned or expired). False when it was not active.</summary>
    Task<bool> EndAsync(string sessionId, QuizSessionStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records a click in one transaction: checks the session exists, is the caller's, is active and not idle past
    /// <see cref="AnswerSubmission.IdleTimeout"/>, and that the question is the current one; a second click on the same
    /// question changes nothing. The answer is durable when this returns.
    /// </summary>
    Task<RecordAnswerResult> RecordAnswerAsync(AnswerSubmission submission, CancellationToken cancellationToken);

    Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Marks active sessions idle since before <paramref name="idleBefore"/> as expired; returns how many.</summary>
    Task<int> ExpireIdleAsync(DateTimeOffset idleBefore, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<SkillProgress>> SkillProgressAsync(string userKey, CancellationToken cancellationToken);

    Task<int> CompletedQuizCountAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>When the person answered, newest first, since <paramref name="since"/> (for streaks).</summary>
    Task<IReadOnlyList<DateTimeOffset>> AnswerTimesAsync(string userKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The person's quiz answers since <paramref name="since"/>, oldest first (for the competency map).</summary>
    Task<IReadOnlyList<QuizAnswer>> AnswersForUserAsync(string userKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Guide sections of a skill the person got wrong most often, worst first.</summary>
    Task<IReadOnlyList<SectionMisses>> MissedSectionsAsync(string userKey, string skill, int take, CancellationToken cancellationToken);

    /// <summary>
    /// A community's ranking since <paramref name="since"/> (null: all time): most correct answers first, ties broken
    /// by accuracy, then by who got there first (earlier last answer).
    /// </summary>
    Task<IReadOnlyList<LeaderboardEntry>> LeaderboardAsync(string communityKey, DateTimeOffset? since, int take, CancellationToken cancellationToken);
}
