namespace CoachBot.Discord.Hosting;

/// <summary>Who the bot is, learned from READY (shared by all shards of the process).</summary>
public sealed class DiscordSession
{
    private volatile string? _userId;
    private volatile string? _applicationId;

    public string? BotUserId => _userId;

    public string? ApplicationId => _applicationId;

    public void OnReady(string userId, string? applicationId)
    {
        _userId = userId;
        if (!string.IsNullOrEmpty(applicationId))
        {
            _applicationId = applicationId;
        }
    }
}
