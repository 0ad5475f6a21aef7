using System.Globalization;
using CoachBot.Storage.Review;

namespace CoachBot.Coaching.Reminders;

/// <summary>What a reminder counts: the member's review items that are due now (missed quiz questions and interview points).</summary>
public sealed class ReviewItemsDue(IReviewItemStore reviews) : IDueReviews
{
    public string Command => "/review";

    public Task<int> DueCountAsync(string userKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        reviews.DueCountAsync(userKey, now, cancellationToken);

    public string Describe(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"You have {count} review item{(count == 1 ? "" : "s")} due.");
}
