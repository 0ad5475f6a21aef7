using CoachBot.Core.Conversations;

namespace CoachBot.Core.Outbound;

/// <summary>
/// Answers "is this channel in this community?" on one platform (Discord: the channel's guild; Slack: the channel's
/// workspace), so a feature never stores a channel id a user typed for another community. Each adapter implements it;
/// <see cref="ChannelDirectories"/> picks the right one.
/// </summary>
public interface IChannelDirectory
{
    ChatPlatform Platform { get; }

    /// <summary>Whether <see cref="ConversationKey.ChannelId"/> of <paramref name="channel"/> belongs to its <see cref="ConversationKey.CommunityId"/>.</summary>
    Task<ChannelOwnership> CheckAsync(ConversationKey channel, CancellationToken cancellationToken);
}
