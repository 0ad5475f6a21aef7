namespace CoachBot.Slack.Identity;

/// <summary>Slack's answer to "is this member a moderator now?": the same configured users and user groups as slash commands.</summary>
public sealed class SlackModeratorDirectory(SlackModeratorResolver resolver) : IModeratorDirectory
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task<bool?> IsModeratorAsync(string communityId, string userId, CancellationToken cancellationToken) =>
        await resolver.IsModeratorAsync(userId, cancellationToken);
}
