namespace CoachBot.Storage.Review;

/// <summary>
/// Review items (what a member missed, with its SM-2 schedule) and the review log. Keys are <c>UserIdentity.Key</c>
/// (<c>platform:userId</c>) and <c>ConversationKey.CommunityKey</c>. Items returned are copies.
/// </summary>
public interface IReviewItemStore
{
    /// <summary>
    /// Adds the item, or when the member already has one with the same kind and source, replaces its schedule, prompt
    /// and answer with the given ones (a new miss) and counts a lapse. Returns the stored item.
    /// </summary>
    Task<ReviewItem> AddOrLapseAsync(ReviewItem item, CancellationToken cancellationToken);

    Task<ReviewItem?> FindAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>The member's items due at <paramref name="now"/>, most overdue first.</summary>
    Task<IReadOnlyList<ReviewItem>> DueAsync(string userKey, DateTimeOffset now, int take, CancellationToken cancellationToken);

    /// <summary>How many of the member's items are due at <paramref name="now"/> (for reminders).</summary>
    Task<int> DueCountAsync(string userKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When the member's next item falls due after <paramref name="now"/>, or null when none is scheduled.</summary>
    Task<DateTimeOffset?> NextDueAfterAsync(string userKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a review: the item's new schedule (<paramref name="rescheduled"/>, whose <see cref="ReviewItem.Version"/>
    /// must equal the stored one) and one <see cref="ReviewAnswer"/>, in one transaction. False when the item is gone,
    /// not the member's, or was changed meanwhile (a repeated click): then nothing is stored.
    /// </summary>
    Task<bool> RecordReviewAsync(ReviewItem rescheduled, ReviewAnswer answer, CancellationToken cancellationToken);

    /// <summary>Every item of the member (for export and the competency map).</summary>
    Task<IReadOnlyList<ReviewItem>> ItemsForUserAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>The member's review answers since <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<ReviewAnswer>> AnswersForUserAsync(string userKey, DateTimeOffset since, CancellationToken cancellationToken);
}
