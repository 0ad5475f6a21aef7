using CoachBot.Core.Conversations;
using CoachBot.Core.Outbound;
using CoachBot.Core.Replies;
using CoachBot.Slack.Api;
using CoachBot.Slack.Inbound;
using CoachBot.Slack.Rendering;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// Unsolicited posts (scheduled challenges, reminders) to a Slack channel id with chat.postMessage, through the same
/// renderer as every answer. Returns the ts of the first message; the thread becomes one the bot follows.
/// </summary>
public sealed class SlackChannelMessenger(SlackApiClient api, SlackThreadTracker threads) : IChannelMessenger
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task<string?> PostAsync(ConversationKey channel, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(reply);
        if (channel.Platform != ChatPlatform.Slack)
        {
            throw new ArgumentException($"{channel} is not a Slack conversation.", nameof(channel));
        }

        string? first = null;
        foreach (var message in SlackReplyRenderer.Render(reply, reply.Form?.FallbackText))
        {
            var posted = await api.PostMessageAsync(channel.ChannelId, message, channel.ThreadId, cancellationToken);
            first ??= posted.Ts;
            threads.Track(posted.Channel, channel.ThreadId ?? first);
        }

        return first;
    }
}
