using System.Globalization;

namespace CoachBot.Discord.Interactions;

/// <summary>Permission bits the adapter checks.</summary>
public static class DiscordPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>True when the bitfield (a decimal string, as Discord sends it) includes Manage Server or Administrator.</summary>
    public static bool CanModerate(string? permissions) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & (Administrator | ManageGuild)) != 0;
}
