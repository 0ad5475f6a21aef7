using CoachBot.Discord.Messages;
using CoachBot.Discord.Models;
using CoachBot.Discord.Rendering;
using CoachBot.Discord.Rest;

namespace CoachBot.Discord.Outbound;

/// <summary>
/// Unsolicited posts (scheduled challenges, reminders) into a Discord channel or thread through
/// <c>POST /channels/{id}/messages</c>. A reply placed in a Thread opens a thread from the first post.
/// </summary>
public sealed class DiscordChannelMessenger(DiscordRestClient rest, ThreadStarter threadStarter)
    : RenderingChannelMessenger<MessagePayload>(ChatPlatform.Discord, reply => DiscordReplyRenderer.Render(reply, ephemeral: false))
{
    protected override async Task<string?> PostOneAsync(ConversationKey target, MessagePayload message, string? firstId, CancellationToken cancellationToken) =>
        (await rest.CreateMessageAsync(target.ThreadId ?? target.ChannelId, message, cancellationToken))?.Id;

    protected override async Task<ConversationKey> AfterFirstPostAsync(ConversationKey target, string firstId, Reply reply, CancellationToken cancellationToken)
    {
        if (reply.Placement != ReplyPlacement.Thread || target.ThreadId is not null)
        {
            return target;
        }

        var threadId = await threadStarter.StartAsync(target.ChannelId, firstId, reply, cancellationToken);
        return threadId is null ? target : target.InThread(threadId);
    }
}
