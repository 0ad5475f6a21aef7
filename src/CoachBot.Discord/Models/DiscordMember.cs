namespace CoachBot.Discord.Models;

/// <summary>
/// A guild member. In interactions it carries the user and the member's total permissions in the channel; from GET
/// /guilds/{guild.id}/members/{user.id} (https://discord.com/developers/docs/resources/guild#get-guild-member) its role
/// ids and timeout, without permissions.
/// </summary>
public sealed class DiscordMember
{
    public DiscordUser? User { get; init; }

    public string? Nick { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Permission bitfield as a decimal string (interactions only).</summary>
    public string? Permissions { get; init; }

    /// <summary>When the member's timeout ends; a member timed out has no moderator permissions until then.</summary>
    public DateTimeOffset? CommunicationDisabledUntil { get; init; }
}
