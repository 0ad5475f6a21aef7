using CoachBot.Core.Conversations;
using CoachBot.Core.Outbound;
using CoachBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// A channel is in the workspace when conversations.info (with the bot's workspace token) finds it and, where Slack
/// names the channel's workspaces (<c>context_team_id</c>, <c>shared_team_ids</c>), the invoking one is among them.
/// <c>channel_not_found</c> is not found; any other failure is unknown, so the caller refuses rather than guesses.
/// </summary>
public sealed partial class SlackChannelDirectory(SlackApiClient api, ILogger<SlackChannelDirectory> logger) : IChannelDirectory
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task<ChannelOwnership> CheckAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        try
        {
            var teams = await api.GetChannelTeamsAsync(channel.ChannelId, cancellationToken);
            return teams.Count == 0 || teams.Contains(channel.CommunityId, StringComparer.Ordinal)
                ? ChannelOwnership.InCommunity
                : ChannelOwnership.OtherCommunity;
        }
        catch (SlackApiException ex) when (ex.Error is "channel_not_found" or "method_not_supported_for_channel_type")
        {
            return ChannelOwnership.NotFound;
        }
        catch (SlackApiException ex)
        {
            LogCheckFailed(channel.ChannelId, ex.Error);
            return ChannelOwnership.Unknown;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up Slack channel {ChannelId}: {Error}")]
    private partial void LogCheckFailed(string channelId, string error);
}
