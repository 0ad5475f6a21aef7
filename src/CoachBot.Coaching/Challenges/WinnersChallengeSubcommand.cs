using System.Globalization;
using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage.Challenges;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// <c>/challenge winners @member…</c> (moderators): names the winners of the last closed challenge (each must have
/// submitted), announces them and counts them on the leaderboard. Members are read from the ids the adapter decoded
/// (<see cref="CommandRequest.MentionedIds"/>), never from text; names come from the submissions, so nobody is pinged.
/// </summary>
public sealed class WinnersChallengeSubcommand(
    IChallengeStore store,
    ChallengeModeration moderation,
    TimeProvider time) : IChallengeSubcommand
{
    public string Name => ChallengeCommandDefinition.Winners;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await moderation.RefuseUnlessModeratorAsync(request, "challenge.winners", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var context = request.Context;
        var communityKey = context.Conversation.CommunityKey;
        var challenge = await store.FindAwaitingWinnersAsync(communityKey, cancellationToken);
        if (challenge is null)
        {
            return Reply.One(Reply.Ephemeral(await store.FindOpenAsync(communityKey, cancellationToken) is null
                ? "There's no closed challenge waiting for winners."
                : "Close the open challenge first with `/challenge close`, then pick its winners."));
        }

        var userIds = new List<string>();
        foreach (var option in ChallengeCommandDefinition.WinnerOptions)
        {
            if (request.Option(option) is not { } raw)
            {
                continue;
            }

            if (request.MentionedId(option) is not { } userId)
            {
                return Reply.One(Reply.Ephemeral(
                    $"{ChallengeText.Code(ChallengeText.Excerpt(raw, 40))} isn't a member I can recognise. Pick members with the user picker or @mention them."));
            }

            if (!userIds.Contains(userId, StringComparer.Ordinal))
            {
                userIds.Add(userId);
            }
        }

        if (userIds.Count == 0)
        {
            return Reply.One(Reply.Ephemeral("Name at least one winner: `/challenge winners @member …`."));
        }

        var winners = new List<WinnerPick>();
        var missing = new List<string>();
        foreach (var userId in userIds)
        {
            var key = new UserIdentity(context.Conversation.Platform, userId, userId).Key;
            var submission = await store.FindSubmissionAsync(challenge.Id, key, cancellationToken);
            if (submission is null)
            {
                missing.Add(ChallengeText.Code(userId));
            }
            else
            {
                winners.Add(new WinnerPick(key, submission.DisplayName));
            }
        }

        if (missing.Count > 0)
        {
            return Reply.One(Reply.Ephemeral(
                $"Winners must have submitted to “{challenge.Title}”; these members didn't: {string.Join(", ", missing)}. Nothing was announced."));
        }

        if (!await store.RecordWinnersAsync(challenge.Id, winners, time.GetUtcNow(), cancellationToken))
        {
            return Reply.One(Reply.Ephemeral($"The winners of “{challenge.Title}” have already been announced."));
        }

        await moderation.RecordAsync(
            context,
            "challenge.winners",
            string.Create(CultureInfo.InvariantCulture, $"challenge {challenge.Id} \"{challenge.Title}\" winners={string.Join(",", winners.Select(w => w.UserKey))}"),
            cancellationToken);
        return Reply.One(ChallengeAnnouncements.Winners(challenge, winners));
    }
}
