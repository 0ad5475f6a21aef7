using System.Globalization;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage.Challenges;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Challenges;

/// <summary><c>/challenge post [title] [brief] [due]</c> or <c>post from:bank</c> (moderators): opens a challenge here, closing the previous one.</summary>
public sealed class PostChallengeSubcommand(
    IChallengeStore store,
    ChallengeBank bank,
    ChallengeAnnouncements announcements,
    ChallengeModeration moderation,
    IOptions<ChallengesOptions> options,
    TimeProvider time) : IChallengeSubcommand
{
    public string Name => ChallengeCommandDefinition.Post;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await moderation.RefuseUnlessModeratorAsync(request, "challenge.post", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var context = request.Context;
        var communityKey = context.Conversation.CommunityKey;
        var now = time.GetUtcNow();
        if (!DueTime.TryParse(request.Option("due"), now, options.Value.DefaultDuration, out var due, out var problem))
        {
            return Reply.One(Reply.Ephemeral(problem!));
        }

        BankChallenge? fromBank = null;
        string title;
        string brief;
        if (string.Equals(request.Option("from"), "bank", StringComparison.OrdinalIgnoreCase))
        {
            fromBank = bank.NextUnused(await store.BankUsageAsync(communityKey, cancellationToken));
            if (fromBank is null)
            {
                return Reply.One(Reply.Ephemeral("The challenge bank is empty, so there is nothing to post from it."));
            }

            title = fromBank.Title;
            brief = fromBank.Brief;
        }
        else
        {
            title = request.Option("title") ?? string.Empty;
            brief = request.Option("brief") ?? string.Empty;
            if (title.Length == 0 || brief.Length == 0)
            {
                return Reply.One(Reply.Ephemeral(
                    "Give the challenge a title and a brief, e.g. `/challenge post \"Design a URL shortener\" \"Sketch the API and schema\" 5d`, "
                    + "or post the next one from the bank with `/challenge post from:bank`."));
            }

            if (title.Length > ChallengeLimits.TitleLength || brief.Length > ChallengeLimits.BriefLength)
            {
                return Reply.One(Reply.Ephemeral(string.Create(CultureInfo.InvariantCulture,
                    $"Keep the title within {ChallengeLimits.TitleLength} characters and the brief within {ChallengeLimits.BriefLength}.")));
            }
        }

        var previous = await store.FindOpenAsync(communityKey, cancellationToken);
        var previousCount = previous is null ? 0 : await store.CountSubmissionsAsync(previous.Id, cancellationToken);
        var channel = context.Conversation.Channel;
        var challenge = new Challenge
        {
            CommunityKey = communityKey,
            Platform = channel.Platform,
            CommunityId = channel.CommunityId,
            ChannelId = channel.ChannelId,
            BankId = fromBank?.Id,
            Title = title,
            Brief = brief,
            PostedBy = context.User.Key,
            PostedAt = now,
            DueAt = due,
        };
        var published = await store.PublishAsync(challenge, claimId: null, cancellationToken);
        await moderation.RecordAsync(
            context,
            "challenge.post",
            string.Create(CultureInfo.InvariantCulture,
                $"challenge {challenge.Id} \"{title}\" bank={fromBank?.Id ?? "-"} due={due:O} channel={channel.ChannelId} closed={published.Closed?.Id.ToString(CultureInfo.InvariantCulture) ?? "-"}"),
            cancellationToken);
        return Reply.One(announcements.Post(challenge, fromBank, now, published.Closed, previousCount));
    }
}
