using System.Globalization;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage.Challenges;

namespace CoachBot.Coaching.Challenges;

/// <summary><c>/challenge close</c> (moderators): closes the open challenge, tells the channel, and shows the moderator the submissions.</summary>
public sealed class CloseChallengeSubcommand(
    IChallengeStore store,
    ChallengeModeration moderation,
    TimeProvider time) : IChallengeSubcommand
{
    public string Name => ChallengeCommandDefinition.Close;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await moderation.RefuseUnlessModeratorAsync(request, "challenge.close", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var open = await store.FindOpenAsync(request.Context.Conversation.CommunityKey, cancellationToken);
        if (open is null || !await store.CloseAsync(open.Id, time.GetUtcNow(), cancellationToken))
        {
            return Reply.One(Reply.Ephemeral("There's no open challenge to close."));
        }

        var submissions = await store.ListSubmissionsAsync(open.Id, cancellationToken);
        await moderation.RecordAsync(
            request.Context,
            "challenge.close",
            string.Create(CultureInfo.InvariantCulture, $"challenge {open.Id} \"{open.Title}\" submissions={submissions.Count}"),
            cancellationToken);
        return [ChallengeAnnouncements.Closed(open, submissions.Count), ChallengeAnnouncements.SubmissionsForModerator(open, submissions)];
    }
}
