namespace CoachBot.Discord.Models;

/// <summary>
/// A guild role as GET /guilds/{guild.id} lists it (https://discord.com/developers/docs/topics/permissions#role-object):
/// the adapter reads only its id and its permission bitfield (a decimal string). The @everyone role's id is the guild's.
/// </summary>
public sealed class DiscordRole
{
    public string Id { get; init; } = string.Empty;

    public string? Permissions { get; init; }
}
