using System.Globalization;
using System.Text;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage.Challenges;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Challenges;

/// <summary><c>/challenge leaderboard</c>: the community's members by challenge wins, then by submissions.</summary>
public sealed class LeaderboardChallengeSubcommand(IChallengeStore store, IOptions<ChallengesOptions> options) : IChallengeSubcommand
{
    public string Name => ChallengeCommandDefinition.Leaderboard;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await store.LeaderboardAsync(request.Context.Conversation.CommunityKey, options.Value.LeaderboardSize, cancellationToken);
        if (rows.Count == 0)
        {
            return Reply.One(Reply.Ephemeral("The leaderboard is empty: nobody has submitted to a challenge here yet. `/challenge current` shows the open one."));
        }

        var text = new StringBuilder();
        var rank = 1;
        foreach (var row in rows)
        {
            text.Append(rank++).Append(". **").Append(row.DisplayName).Append("**: ")
                .Append(ChallengeText.Plural(row.Wins, "win", "wins")).Append(" · ")
                .AppendLine(ChallengeText.Plural(row.Submissions, "submission", "submissions"));
        }

        return Reply.One(new Reply
        {
            Title = "Challenge leaderboard",
            Text = text.ToString().TrimEnd(),
            Footer = string.Create(CultureInfo.InvariantCulture, $"Top {rows.Count}: wins first, then submissions."),
        });
    }
}
