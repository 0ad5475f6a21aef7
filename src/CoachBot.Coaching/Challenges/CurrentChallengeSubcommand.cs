using System.Text;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage.Challenges;

namespace CoachBot.Coaching.Challenges;

/// <summary><c>/challenge current</c>: the open challenge, whether it still takes submissions, and the caller's own submission.</summary>
public sealed class CurrentChallengeSubcommand(
    IChallengeStore store,
    IChallengeScheduleStore schedules,
    TimeProvider time) : IChallengeSubcommand
{
    public string Name => ChallengeCommandDefinition.Current;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var communityKey = request.Context.Conversation.CommunityKey;
        var now = time.GetUtcNow();
        var open = await store.FindOpenAsync(communityKey, cancellationToken);
        if (open is null)
        {
            var text = new StringBuilder("There's no open challenge right now.");
            var latest = await store.FindLatestAsync(communityKey, cancellationToken);
            if (latest is not null)
            {
                text.Append(" The last one was “").Append(latest.Title).Append("”.");
            }

            var schedule = await schedules.FindAsync(communityKey, cancellationToken);
            if (schedule is { Enabled: true } && WeeklySchedule.TryFindTimeZone(schedule.TimeZoneId, out var zone))
            {
                var next = new WeeklySchedule(schedule.Day, schedule.Hour, schedule.Minute, zone).NextOccurrence(now);
                text.Append(" The next one is posted ").Append(ChallengeText.When(next)).Append('.');
            }

            return Reply.One(Reply.Ephemeral(text.ToString()));
        }

        var count = await store.CountSubmissionsAsync(open.Id, cancellationToken);
        var mine = await store.FindSubmissionAsync(open.Id, request.Context.User.Key, cancellationToken);
        var body = new StringBuilder().AppendLine(open.Brief.Trim()).AppendLine();
        body.Append(now < open.DueAt
                ? $"**Due:** {ChallengeText.When(open.DueAt)} ({ChallengeText.Until(open.DueAt, now)})"
                : $"**Submissions closed** at {ChallengeText.When(open.DueAt)}")
            .Append(" · ").AppendLine(ChallengeText.Plural(count, "submission", "submissions"));
        if (mine is null)
        {
            body.Append(now < open.DueAt ? "You haven't submitted yet: `/challenge submit <your answer or a link>`." : "You didn't submit to this one.");
        }
        else
        {
            body.Append("Your submission: ").Append(ChallengeText.Excerpt(mine.Content, 200));
            if (now < open.DueAt)
            {
                body.Append(" (edit it with `/challenge submit`)");
            }
        }

        return Reply.One(new Reply
        {
            Title = "This week's challenge: " + open.Title,
            Text = body.ToString(),
            Visibility = ReplyVisibility.Ephemeral,
        });
    }
}
