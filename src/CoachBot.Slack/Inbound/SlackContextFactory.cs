using CoachBot.Slack.Identity;

namespace CoachBot.Slack.Inbound;

/// <summary>Builds the core's <see cref="CommandContext"/> for a Slack user in a channel (and thread), resolving the moderator flag.</summary>
public sealed class SlackContextFactory(SlackModeratorResolver moderators, SlackBotIdentity identity, TimeProvider timeProvider)
{
    public async Task<CommandContext> CreateAsync(
        string? teamId, string channel, string userId, string? displayName, string? threadTs, bool isDirect, CancellationToken cancellationToken)
    {
        var team = string.IsNullOrEmpty(teamId) ? identity.Info?.TeamId ?? "unknown" : teamId;
        return new CommandContext
        {
            User = new UserIdentity(ChatPlatform.Slack, userId, string.IsNullOrWhiteSpace(displayName) ? userId : displayName),
            Conversation = new ConversationKey(ChatPlatform.Slack, team, channel, string.IsNullOrEmpty(threadTs) ? null : threadTs),
            IsModerator = await moderators.IsModeratorAsync(userId, cancellationToken),
            IsDirect = isDirect,
            ReceivedAt = timeProvider.GetUtcNow(),
        };
    }

    /// <summary>Slack DM channel ids start with D.</summary>
    public static bool IsDirectChannel(string? channelId, string? channelType = null) =>
        channelType == "im" || (channelId is { Length: > 0 } && channelId[0] == 'D');
}
