namespace CoachBot.Slack.Api;

/// <summary>Who the bot is (auth.test): its user id and bot id filter our own messages; the team id keys conversations.</summary>
public sealed record SlackAuthInfo(string UserId, string? BotId, string? TeamId);
