namespace CoachBot.Storage.Feedback;

/// <summary>
/// Answers the coach sent and the votes members gave them (<see cref="AnswerFeedbackStore"/> on the coach's database).
/// </summary>
public interface IAnswerFeedbackStore
{
    Task SaveAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken);

    Task<AnswerRecord?> FindAnswerAsync(string answerId, CancellationToken cancellationToken);

    /// <summary>The newest answer given to <paramref name="askerKey"/> in the conversation, if any.</summary>
    Task<AnswerRecord?> LatestAnswerAsync(string askerKey, string conversationKey, CancellationToken cancellationToken);

    /// <summary>
    /// Records the member's vote on the answer, or changes it: one row per member per answer. A vote changed to 👍
    /// drops the "what was wrong?" note.
    /// </summary>
    Task<VoteOutcome> VoteAsync(AnswerRecord answer, string voterKey, FeedbackVote vote, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Stores the note with the member's 👎 on the answer; false when the member has no 👎 on it.</summary>
    Task<bool> SetCommentAsync(string answerId, string voterKey, string comment, CancellationToken cancellationToken);

    /// <summary>The member's vote on the answer, if any.</summary>
    Task<AnswerVote?> FindVoteAsync(string answerId, string voterKey, CancellationToken cancellationToken);

    /// <summary>Vote counts for votes cast since <paramref name="since"/>, in one community or (null) all of them.</summary>
    Task<FeedbackTotals> TotalsAsync(string? communityKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The answers with the most 👎 cast since <paramref name="since"/>, most first, in one community or (null) all.</summary>
    Task<IReadOnlyList<DownVotedAnswer>> MostDownVotedAsync(string? communityKey, DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the question log's records older than <paramref name="before"/> and their votes; returns how many records.</summary>
    Task<int> PurgeOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
