using System.Net;
using CoachBot.Core.Conversations;
using CoachBot.Core.Outbound;
using CoachBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CoachBot.Discord.Outbound;

/// <summary>
/// A channel is in the guild when Discord says so: GET /channels/{id} and compare its guild_id. Unknown or hidden
/// channels (404, 403) are not found; any other failure is unknown, so the caller refuses rather than guesses.
/// </summary>
public sealed partial class DiscordChannelDirectory(DiscordRestClient rest, ILogger<DiscordChannelDirectory> logger) : IChannelDirectory
{
    public ChatPlatform Platform => ChatPlatform.Discord;

    public async Task<ChannelOwnership> CheckAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        try
        {
            var found = await rest.GetChannelAsync(channel.ChannelId, cancellationToken);
            return found.GuildId == channel.CommunityId ? ChannelOwnership.InCommunity : ChannelOwnership.OtherCommunity;
        }
        catch (DiscordApiException ex) when (ex.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return ChannelOwnership.NotFound;
        }
        catch (DiscordApiException ex)
        {
            LogCheckFailed(channel.ChannelId, ex.Message);
            return ChannelOwnership.Unknown;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up Discord channel {ChannelId}: {Reason}")]
    private partial void LogCheckFailed(string channelId, string reason);
}
