namespace CoachBot.Discord.Models;

/// <summary>
/// A guild. From GUILD_CREATE the adapter reads the active threads, to remember which ones it owns; from GET
/// /guilds/{guild.id} (https://discord.com/developers/docs/resources/guild#get-guild) the owner and the roles, to
/// re-check a dashboard moderator's rights.
/// </summary>
public sealed class DiscordGuild
{
    public string Id { get; init; } = string.Empty;

    public string? OwnerId { get; init; }

    public IReadOnlyList<DiscordRole> Roles { get; init; } = [];

    public IReadOnlyList<DiscordChannel> Threads { get; init; } = [];
}
