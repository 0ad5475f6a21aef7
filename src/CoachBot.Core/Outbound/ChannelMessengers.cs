using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;

namespace CoachBot.Core.Outbound;

/// <summary>Routes unsolicited posts to the adapter of the channel's platform.</summary>
public sealed class ChannelMessengers(IEnumerable<IChannelMessenger> messengers)
{
    private readonly Dictionary<ChatPlatform, IChannelMessenger> _byPlatform = messengers.ToDictionary(m => m.Platform);

    public bool Supports(ChatPlatform platform) => _byPlatform.ContainsKey(platform);

    public Task<string?> PostAsync(ConversationKey channel, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return _byPlatform.TryGetValue(channel.Platform, out var messenger)
            ? messenger.PostAsync(channel, reply, cancellationToken)
            : throw new InvalidOperationException($"No adapter is running for {channel.Platform}; cannot post to {channel}.");
    }
}
