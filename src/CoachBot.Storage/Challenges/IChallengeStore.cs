namespace CoachBot.Storage.Challenges;

/// <summary>Challenges, submissions, winners and the leaderboard of each community.</summary>
public interface IChallengeStore
{
    /// <summary>The open challenge of the community, if any.</summary>
    Task<Challenge?> FindOpenAsync(string communityKey, CancellationToken cancellationToken);

    /// <summary>The most recently posted challenge of the community, open or closed.</summary>
    Task<Challenge?> FindLatestAsync(string communityKey, CancellationToken cancellationToken);

    /// <summary>The most recently closed challenge whose winners have not been announced yet.</summary>
    Task<Challenge?> FindAwaitingWinnersAsync(string communityKey, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="challenge"/> as the community's open challenge, closing the one that was open (in one
    /// transaction). When <paramref name="claimId"/> is given the slot claim is marked posted in the same transaction.
    /// </summary>
    Task<PublishedChallenge> PublishAsync(Challenge challenge, long? claimId, CancellationToken cancellationToken);

    /// <summary>Closes the challenge if it is still open; false when it was already closed.</summary>
    Task<bool> CloseAsync(long challengeId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The bank ids already posted in the community, with when each was last posted.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> BankUsageAsync(string communityKey, CancellationToken cancellationToken);

    /// <summary>Creates the member's submission or replaces the one they made before.</summary>
    Task<SubmissionSaveResult> SaveSubmissionAsync(long challengeId, string userKey, string displayName, string content, DateTimeOffset at, CancellationToken cancellationToken);

    Task<ChallengeSubmission?> FindSubmissionAsync(long challengeId, string userKey, CancellationToken cancellationToken);

    /// <summary>Every submission of the challenge, oldest first.</summary>
    Task<IReadOnlyList<ChallengeSubmission>> ListSubmissionsAsync(long challengeId, CancellationToken cancellationToken);

    Task<int> CountSubmissionsAsync(long challengeId, CancellationToken cancellationToken);

    /// <summary>Records the winners and marks the challenge's winners as announced; false when they already were.</summary>
    Task<bool> RecordWinnersAsync(long challengeId, IReadOnlyList<WinnerPick> winners, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The community's top members: most wins, then most submissions.</summary>
    Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(string communityKey, int top, CancellationToken cancellationToken);

    /// <summary>Open challenges due within (<paramref name="now"/>, <paramref name="dueBy"/>] that have had no reminder.</summary>
    Task<IReadOnlyList<Challenge>> ListAwaitingReminderAsync(DateTimeOffset now, DateTimeOffset dueBy, CancellationToken cancellationToken);

    /// <summary>Atomically marks the reminder as sent; only one caller (of any process) gets true.</summary>
    Task<bool> TryMarkReminderSentAsync(long challengeId, DateTimeOffset at, CancellationToken cancellationToken);
}
