namespace CoachBot.Storage.Interview;

/// <summary>
/// Where interviews are kept between messages (and restarts): <see cref="InterviewStore"/> on the coach's database
/// (tests run it on SQLite). Records returned are copies: change them and hand them to
/// <see cref="SaveAsync"/>, which refuses a stale copy (another message changed the interview meanwhile).
/// </summary>
public interface IInterviewStore
{
    /// <summary>The caller's active interviews in one channel (any thread of it), with their answers.</summary>
    Task<IReadOnlyList<InterviewSessionRecord>> FindActiveAsync(string userKey, string channelKey, CancellationToken cancellationToken);

    /// <summary>Adds a new active interview; false when the user already has an active one in that channel and thread.</summary>
    Task<bool> TryCreateAsync(InterviewSessionRecord session, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the session's changed fields and, when given, one new answer; bumps <see cref="InterviewSessionRecord.Version"/>.
    /// False when the stored version differs from the copy's (a concurrent change) or the answer's question was already recorded.
    /// </summary>
    Task<bool> SaveAsync(InterviewSessionRecord session, InterviewAnswerRecord? newAnswer, CancellationToken cancellationToken);

    /// <summary>The user's finished interviews (completed, ended or expired), newest first, with their answers.</summary>
    Task<IReadOnlyList<InterviewSessionRecord>> FinishedForUserAsync(string userKey, int limit, CancellationToken cancellationToken);
}
