using CoachBot.Core.Conversations;

namespace CoachBot.Core.Outbound;

/// <summary>
/// Routes channel-ownership checks to the adapter of the channel's platform. A platform without a directory (the
/// terminal: one person, one "channel") has nothing to check, so any channel is in its community.
/// </summary>
public sealed class ChannelDirectories(IEnumerable<IChannelDirectory> directories)
{
    private readonly Dictionary<ChatPlatform, IChannelDirectory> _byPlatform = directories.ToDictionary(d => d.Platform);

    public Task<ChannelOwnership> CheckAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return _byPlatform.TryGetValue(channel.Platform, out var directory)
            ? directory.CheckAsync(channel, cancellationToken)
            : Task.FromResult(ChannelOwnership.InCommunity);
    }
}
