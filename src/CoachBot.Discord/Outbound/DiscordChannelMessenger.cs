using CoachBot.Core.Conversations;
using CoachBot.Core.Outbound;
using CoachBot.Core.Replies;
using CoachBot.Discord.Messages;
using CoachBot.Discord.Rendering;
using CoachBot.Discord.Rest;

namespace CoachBot.Discord.Outbound;

/// <summary>
/// Unsolicited posts (scheduled challenges, reminders) into a Discord channel or thread through
/// <c>POST /channels/{id}/messages</c>. A reply placed in a Thread opens a thread from the post.
/// </summary>
public sealed class DiscordChannelMessenger(DiscordRestClient rest, ThreadStarter threadStarter) : IChannelMessenger
{
    public ChatPlatform Platform => ChatPlatform.Discord;

    public async Task<string?> PostAsync(ConversationKey channel, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(reply);
        var target = channel.ThreadId ?? channel.ChannelId;
        string? firstId = null;
        string? threadId = null;
        foreach (var payload in DiscordReplyRenderer.Render(reply, ephemeral: false))
        {
            var message = await rest.CreateMessageAsync(threadId ?? target, payload, cancellationToken);
            if (firstId is null && message is not null)
            {
                firstId = message.Id;
                if (reply.Placement == ReplyPlacement.Thread && channel.ThreadId is null)
                {
                    threadId = await threadStarter.StartAsync(target, message.Id, reply, cancellationToken);
                }
            }
        }

        return firstId;
    }
}
