using CoachBot.Core.Conversations;
using CoachBot.Core.Outbound;
using CoachBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// A Slack channel's communities are the workspaces conversations.info (with the bot's workspace token) names for it
/// (<c>context_team_id</c>, <c>shared_team_ids</c>); when it names none, the channel is the token's workspace's, the
/// invoking one. <c>channel_not_found</c> is not found.
/// </summary>
public sealed class SlackChannelDirectory(SlackApiClient api, ILogger<SlackChannelDirectory> logger) : PlatformChannelDirectory(logger)
{
    public override ChatPlatform Platform => ChatPlatform.Slack;

    protected override async Task<IReadOnlyCollection<string>?> FindCommunitiesAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        try
        {
            var teams = await api.GetChannelTeamsAsync(channel.ChannelId, cancellationToken);
            return teams.Count == 0 ? [channel.CommunityId] : teams;
        }
        catch (SlackApiException ex) when (ex.Error is "channel_not_found" or "method_not_supported_for_channel_type")
        {
            return null;
        }
    }

    protected override bool IsLookupFailure(Exception exception) => exception is SlackApiException;
}
