using CoachBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// A Slack channel's communities are the workspaces conversations.info (with the bot's workspace token) names for it
/// (<c>context_team_id</c>, <c>shared_team_ids</c>). <c>channel_not_found</c> is not found.
/// </summary>
public sealed class SlackChannelDirectory(SlackApiClient api, ILogger<SlackChannelDirectory> logger) : PlatformChannelDirectory(logger)
{
    private static readonly string[] NotFoundErrors = ["channel_not_found", "method_not_supported_for_channel_type"];

    public override ChatPlatform Platform => ChatPlatform.Slack;

    protected override async Task<IReadOnlyCollection<string>> FindCommunitiesAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        var teams = await api.GetChannelTeamsAsync(channel.ChannelId, cancellationToken);
        // No workspace named: a plain channel of the token's own workspace, which is the invoking one.
        return teams.Count == 0 ? [channel.CommunityId] : teams;
    }

    protected override ChannelLookupError? Classify(Exception exception) => exception switch
    {
        SlackApiException { Error: var error } when NotFoundErrors.Contains(error, StringComparer.Ordinal) => ChannelLookupError.NotFound,
        SlackApiException => ChannelLookupError.Failed,
        _ => null,
    };
}
