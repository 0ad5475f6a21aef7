namespace CoachBot.Discord.Models;

/// <summary>The READY dispatch: the session to resume and who the bot is.</summary>
public sealed class ReadyEvent
{
    public int V { get; init; }

    public DiscordUser User { get; init; } = new();

    public string SessionId { get; init; } = string.Empty;

    public string ResumeGatewayUrl { get; init; } = string.Empty;

    public IReadOnlyList<int>? Shard { get; init; }

    public ReadyApplication? Application { get; init; }
}
