using System.Text;
using CoachBot.Core.Replies;
using CoachBot.Storage.Challenges;

namespace CoachBot.Coaching.Challenges;

/// <summary>Builds the public messages of the feature: the challenge post, the reminder, the closing note, the winners.</summary>
public sealed class ChallengeAnnouncements(ChallengeCitations citations)
{
    public Reply Post(Challenge challenge, BankChallenge? fromBank, DateTimeOffset now, Challenge? closed, int closedSubmissions)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var text = new StringBuilder().AppendLine(challenge.Brief.Trim()).AppendLine();
        if (fromBank is not null)
        {
            text.Append("**Difficulty:** ").Append(fromBank.Difficulty)
                .Append(" · **Skills:** ").AppendJoin(", ", fromBank.Skills).AppendLine();
        }

        text.Append("**Due:** ").Append(ChallengeText.When(challenge.DueAt))
            .Append(" (").Append(ChallengeText.Until(challenge.DueAt, now)).AppendLine(")")
            .AppendLine()
            .Append("Submit with `/challenge submit <your answer or a link>`; you can edit it until it's due. ")
            .Append("`/challenge current` shows this again.");
        string? footer = null;
        if (closed is not null)
        {
            footer = $"The previous challenge, “{closed.Title}”, is now closed with {ChallengeText.Plural(closedSubmissions, "submission", "submissions")}.";
        }

        return new Reply
        {
            Title = "Weekly challenge: " + challenge.Title,
            Text = text.ToString(),
            Sources = fromBank is null ? [] : citations.For(fromBank.References),
            Footer = footer,
        };
    }

    public static Reply Reminder(Challenge challenge, DateTimeOffset now, int submissions)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return new Reply
        {
            Title = "Reminder: " + challenge.Title,
            Text = $"The weekly challenge closes {ChallengeText.Until(challenge.DueAt, now)} ({ChallengeText.When(challenge.DueAt)}). "
                + $"{ChallengeText.Plural(submissions, "submission", "submissions")} so far. "
                + "Submit or edit yours with `/challenge submit`.",
        };
    }

    public static Reply Closed(Challenge challenge, int submissions) => new()
    {
        Title = "Challenge closed: " + challenge.Title,
        Text = $"Submissions are closed, with {ChallengeText.Plural(submissions, "submission", "submissions")}. Thanks to everyone who took part! "
            + "The moderators will announce the winners soon.",
    };

    public static Reply SubmissionsForModerator(Challenge challenge, IReadOnlyList<ChallengeSubmission> submissions)
    {
        var text = new StringBuilder();
        if (submissions.Count == 0)
        {
            text.Append("Nobody submitted to this challenge.");
        }
        else
        {
            var number = 1;
            foreach (var submission in submissions)
            {
                text.Append(number++).Append(". **").Append(submission.DisplayName).Append("** (")
                    .Append(ChallengeText.Code(submission.UserKey)).Append("): ")
                    .AppendLine(ChallengeText.Excerpt(submission.Content, 300));
            }

            text.AppendLine().Append("Pick winners with `/challenge winners @member …` (up to five).");
        }

        return new Reply
        {
            Title = $"Submissions for “{challenge.Title}”",
            Text = text.ToString().TrimEnd(),
            Visibility = ReplyVisibility.Ephemeral,
        };
    }

    public static Reply Winners(Challenge challenge, IReadOnlyList<WinnerPick> winners) => new()
    {
        Title = "Winners: " + challenge.Title,
        Text = $"Congratulations to **{string.Join("**, **", winners.Select(w => w.DisplayName))}**! "
            + "Thanks to everyone who submitted. See where you stand with `/challenge leaderboard`.",
    };
}
