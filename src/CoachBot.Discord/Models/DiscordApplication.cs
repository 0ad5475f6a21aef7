namespace CoachBot.Discord.Models;

/// <summary><c>GET /applications/@me</c> (only the id is used).</summary>
public sealed class DiscordApplication
{
    public string Id { get; init; } = string.Empty;

    public string? Name { get; init; }
}
