namespace CoachBot.Discord.Models;

public sealed class DiscordUser
{
    public string Id { get; init; } = string.Empty;

    public string? Username { get; init; }

    public string? GlobalName { get; init; }

    public bool? Bot { get; init; }

    public string DisplayName => GlobalName ?? Username ?? Id;
}
