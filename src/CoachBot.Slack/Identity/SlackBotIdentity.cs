using CoachBot.Slack.Api;

namespace CoachBot.Slack.Identity;

/// <summary>The bot's own ids from auth.test at start-up, used to strip its mention and ignore its own messages.</summary>
public sealed class SlackBotIdentity
{
    private volatile SlackAuthInfo? _info;

    public SlackAuthInfo? Info => _info;

    public string? UserId => _info?.UserId;

    public string? BotId => _info?.BotId;

    public void Set(SlackAuthInfo info) => _info = info;
}
