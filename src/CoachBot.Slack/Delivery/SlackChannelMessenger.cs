using CoachBot.Slack.Api;
using CoachBot.Slack.Commands;
using CoachBot.Slack.Inbound;
using CoachBot.Slack.Rendering;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// Unsolicited posts (scheduled challenges, reminders) to a Slack channel id with chat.postMessage, through the same
/// renderer as every answer. The thread (the one posted in, or the first message's) becomes one the bot follows.
/// </summary>
public sealed class SlackChannelMessenger(SlackApiClient api, SlackThreadTracker threads, SlackCommandMentions commandMentions)
    : RenderingChannelMessenger<SlackMessage>(ChatPlatform.Slack, reply => Render(commandMentions.InReply(reply)))
{
    protected override async Task<string?> PostOneAsync(ConversationKey target, SlackMessage message, string? firstId, CancellationToken cancellationToken)
    {
        var posted = await api.PostMessageAsync(target.ChannelId, message, target.ThreadId, cancellationToken);
        await threads.TrackAsync(posted.Channel, target.ThreadId ?? firstId ?? posted.Ts, cancellationToken);
        return posted.Ts;
    }

    private static IReadOnlyList<SlackMessage> Render(Reply reply) => SlackReplyRenderer.Render(reply, reply.Form?.FallbackText);
}
