using System.Globalization;
using CoachBot.Storage.Reminders;

namespace CoachBot.Coaching.Reminders;

/// <summary>
/// The stand-in for due reviews until the <c>review</c> branch's store is merged: quiz questions the member got wrong
/// the last time they answered them. On merge, replace it with an adapter over <c>IReviewItemStore.DueCountAsync</c>
/// (and <c>/review</c> as the command): the one line in <c>AddRemindersFeature</c> registers it.
/// </summary>
public sealed class MissedQuizQuestionsDue(IReminderStore store) : IDueReviews
{
    public string Command => "/quiz";

    public Task<int> DueCountAsync(string userKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.MissedQuizQuestionsAsync(userKey, cancellationToken);

    public string Describe(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"You have {count} missed quiz question{(count == 1 ? "" : "s")} to revisit.");
}
