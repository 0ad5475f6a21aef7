using System.Globalization;
using CoachBot.Discord.Models;

namespace CoachBot.Discord.Interactions;

/// <summary>Permission bits the adapter checks.</summary>
public static class DiscordPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>True when the bitfield (a decimal string, as Discord sends it) includes Manage Server or Administrator.</summary>
    public static bool CanModerate(string? permissions) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && CanModerate(bits);

    /// <summary>
    /// The same answer from REST data instead of an interaction's <c>member.permissions</c>, following Discord's base
    /// permissions (https://discord.com/developers/docs/topics/permissions#permission-hierarchy): the owner has
    /// everything; otherwise the @everyone role (id = guild id) OR the member's roles, and Administrator overrides the
    /// rest. A timed-out member keeps only View Channel and Read Message History (owner and administrators excepted), so
    /// holds no Manage Server until the timeout ends, as in their interactions. Manage Server has no channel overwrite.
    /// </summary>
    public static bool CanModerate(DiscordGuild guild, DiscordMember member, string userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(guild);
        ArgumentNullException.ThrowIfNull(member);
        if (guild.OwnerId == userId)
        {
            return true;
        }

        var bits = 0UL;
        foreach (var role in guild.Roles)
        {
            if ((role.Id == guild.Id || member.Roles.Contains(role.Id))
                && ulong.TryParse(role.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var roleBits))
            {
                bits |= roleBits;
            }
        }

        if ((bits & Administrator) != 0)
        {
            return true;
        }

        var timedOut = member.CommunicationDisabledUntil is { } until && until > now;
        return !timedOut && (bits & ManageGuild) != 0;
    }

    /// <summary>True when the member holds one of the configured moderator roles (Discord:ModeratorRoleIds).</summary>
    public static bool HasModeratorRole(ICollection<string> moderatorRoleIds, IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(moderatorRoleIds);
        ArgumentNullException.ThrowIfNull(roles);
        return moderatorRoleIds.Count > 0 && roles.Any(moderatorRoleIds.Contains);
    }

    private static bool CanModerate(ulong bits) => (bits & (Administrator | ManageGuild)) != 0;
}
