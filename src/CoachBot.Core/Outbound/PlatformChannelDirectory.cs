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
        IReadOnlyCollection<string> communities;
        try
        {
            communities = await FindCommunitiesAsync(channel, cancellationToken);
        }
        catch (Exception ex) when (Classify(ex) is { } error)
        {
            if (error == ChannelLookupError.NotFound)
            {
                return ChannelOwnership.NotFound;
            }

            LogCheckFailed(logger, Platform, channel.ChannelId, ex.Message);
            return ChannelOwnership.Unknown;
        }

        return communities.Contains(channel.CommunityId, StringComparer.Ordinal) ? ChannelOwnership.InCommunity : ChannelOwnership.OtherCommunity;
    }

    /// <summary>The communities the platform says the channel belongs to.</summary>
    protected abstract Task<IReadOnlyCollection<string>> FindCommunitiesAsync(ConversationKey channel, CancellationToken cancellationToken);

    /// <summary>What a platform error means; null for any other exception (a bug, thrown on).</summary>
    protected abstract ChannelLookupError? Classify(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up {Platform} channel {ChannelId}: {Reason}")]
    private static partial void LogCheckFailed(ILogger logger, ChatPlatform platform, string channelId, string reason);
}
