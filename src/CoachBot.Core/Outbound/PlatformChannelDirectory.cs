using CoachBot.Core.Conversations;
using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Outbound;

/// <summary>
/// The ownership rule every platform shares: the channel is in the community when the platform lists the community
/// among the channel's own; a channel the platform does not know or hide from the bot is not found; any other failure
/// of the lookup is unknown, so the caller refuses rather than guesses. An adapter only says how to look a channel up.
/// </summary>
public abstract partial class PlatformChannelDirectory(ILogger logger) : IChannelDirectory
{
    public abstract ChatPlatform Platform { get; }

    public async Task<ChannelOwnership> CheckAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        IReadOnlyCollection<string>? communities;
        try
        {
            communities = await FindCommunitiesAsync(channel, cancellationToken);
        }
        catch (Exception ex) when (IsLookupFailure(ex))
        {
            LogCheckFailed(logger, Platform, channel.ChannelId, ex.Message);
            return ChannelOwnership.Unknown;
        }

        return communities is null ? ChannelOwnership.NotFound
            : communities.Contains(channel.CommunityId, StringComparer.Ordinal) ? ChannelOwnership.InCommunity
            : ChannelOwnership.OtherCommunity;
    }

    /// <summary>The communities the platform says the channel belongs to; null when it does not know the channel or hides it.</summary>
    protected abstract Task<IReadOnlyCollection<string>?> FindCommunitiesAsync(ConversationKey channel, CancellationToken cancellationToken);

    /// <summary>Whether an exception is the platform answering with an error (unknown), rather than a bug (thrown on).</summary>
    protected abstract bool IsLookupFailure(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up {Platform} channel {ChannelId}: {Reason}")]
    private static partial void LogCheckFailed(ILogger logger, ChatPlatform platform, string channelId, string reason);
}
