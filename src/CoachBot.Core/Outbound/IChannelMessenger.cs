using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;

namespace CoachBot.Core.Outbound;

/// <summary>
/// Posts a reply that was not asked for (a scheduled challenge, a reminder, an announcement) into a channel.
/// Each adapter implements it for its platform; <see cref="ChannelMessengers"/> picks the right one.
/// </summary>
public interface IChannelMessenger
{
    ChatPlatform Platform { get; }

    /// <summary>Posts and returns the platform's message id (or null when the platform has none).</summary>
    Task<string?> PostAsync(ConversationKey channel, Reply reply, CancellationToken cancellationToken);
}
