using System.Globalization;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Outbound;
using CoachBot.Core.Replies;
using CoachBot.Storage.Challenges;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// <c>/challenge schedule day time timezone channel</c> and <c>/challenge schedule off</c> (moderators). A channel other
/// than the one the command was used in is checked with the platform first (<see cref="ChannelDirectories"/>): only a
/// channel of the invoking community is stored.
/// </summary>
public sealed class ScheduleChallengeSubcommand(
    IChallengeScheduleStore schedules,
    ChallengeModeration moderation,
    ChannelDirectories channels,
    TimeProvider time) : IChallengeSubcommand
{
    public string Name => ChallengeCommandDefinition.Schedule;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await moderation.RefuseUnlessModeratorAsync(request, "challenge.schedule", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var context = request.Context;
        var communityKey = context.Conversation.CommunityKey;
        var now = time.GetUtcNow();
        var dayText = request.Option("day") ?? string.Empty;
        if (dayText.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            var disabled = await schedules.DisableAsync(communityKey, context.User.Key, now, cancellationToken);
            await moderation.RecordAsync(context, "challenge.schedule.off", disabled ? "weekly posts turned off" : "was already off", cancellationToken);
            return Reply.One(Reply.Ephemeral(disabled
                ? "Weekly challenge posts are off. Post one by hand with `/challenge post`, or turn them back on with `/challenge schedule monday 09:00 Europe/Berlin`."
                : "Weekly challenge posts were already off."));
        }

        if (!TryParseDay(dayText, out var day))
        {
            return Usage("Pick a day of the week (monday … sunday) or `off`.");
        }

        if (!TimeOnly.TryParseExact(request.Option("time") ?? string.Empty, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return Usage("Give the time as 24-hour `HH:mm`, e.g. `09:00`.");
        }

        var zoneId = request.Option("timezone") ?? "UTC";
        if (!WeeklySchedule.TryFindTimeZone(zoneId, out var zone))
        {
            return Usage($"I don't know the time zone {ChallengeText.Code(ChallengeText.Excerpt(zoneId, 64))}. Use an IANA name like `Europe/Berlin` or `America/New_York`.");
        }

        var channel = context.Conversation.Channel;
        if (request.Option("channel") is not null)
        {
            if (request.MentionedId("channel") is not { } channelId)
            {
                return Usage("Pick the channel with the channel picker (or type it as a channel link, e.g. `#challenges` selected from the list).");
            }

            channel = channel with { ChannelId = channelId };
            if (channelId != context.Conversation.ChannelId
                && await channels.CheckAsync(channel, cancellationToken) is var ownership and not ChannelOwnership.InCommunity)
            {
                await moderation.RecordAsync(context, "challenge.schedule.refused", $"channel={channelId} {ownership}", cancellationToken);
                return Reply.One(Reply.Ephemeral(ChannelRefusal(ownership, channelId)));
            }
        }

        var weekly = new WeeklySchedule(day, at.Hour, at.Minute, zone);
        await schedules.SaveAsync(
            new ChallengeSchedule
            {
                CommunityKey = communityKey,
                Platform = channel.Platform,
                CommunityId = channel.CommunityId,
                ChannelId = channel.ChannelId,
                Day = day,
                Hour = at.Hour,
                Minute = at.Minute,
                TimeZoneId = zone.Id,
                Enabled = true,
                EffectiveFrom = now,
                UpdatedBy = context.User.Key,
                UpdatedAt = now,
            },
            cancellationToken);
        await moderation.RecordAsync(context, "challenge.schedule", $"{weekly.Describe()} channel={channel.ChannelId}", cancellationToken);
        var where = channel.ChannelId == context.Conversation.ChannelId ? "in this channel" : $"in channel {ChallengeText.Code(channel.ChannelId)}";
        var next = weekly.NextOccurrence(now);
        return Reply.One(Reply.Ephemeral(
            $"Done: I'll post the next challenge from the bank {weekly.Describe()} {where}, close the previous one, and remind everyone a day before it's due. "
            + $"Next post: {ChallengeText.When(next)} ({ChallengeText.Until(next, now)})."));
    }

    private static string ChannelRefusal(ChannelOwnership ownership, string channelId) => ownership switch
    {
        ChannelOwnership.OtherCommunity =>
            $"Channel {ChallengeText.Code(channelId)} isn't part of this community, so I won't post challenges there. Pick one of this community's channels.",
        ChannelOwnership.NotFound =>
            $"I can't see channel {ChallengeText.Code(channelId)}. Pick one of this community's channels I can post in (invite me to it first if it's private).",
        _ => $"I couldn't check channel {ChallengeText.Code(channelId)} with the platform just now, so nothing changed. Please try again in a minute.",
    };

    private static bool TryParseDay(string text, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString();
            if (text.Length >= 3 && name.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }

    private static IReadOnlyList<Reply> Usage(string problem) =>
        Reply.One(Reply.Ephemeral(problem + " Usage: `/challenge schedule <day> <HH:mm> [timezone] [channel]` or `/challenge schedule off`."));
}
