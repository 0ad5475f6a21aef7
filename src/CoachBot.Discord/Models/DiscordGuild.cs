namespace CoachBot.Discord.Models;

/// <summary>GUILD_CREATE: the adapter only reads the active threads, to remember which ones it owns.</summary>
public sealed class DiscordGuild
{
    public string Id { get; init; } = string.Empty;

    public IReadOnlyList<DiscordChannel> Threads { get; init; } = [];
}
