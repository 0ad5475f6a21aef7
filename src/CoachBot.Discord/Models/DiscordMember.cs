namespace CoachBot.Discord.Models;

/// <summary>A guild member. In interactions it carries the user and the member's total permissions in the channel.</summary>
public sealed class DiscordMember
{
    public DiscordUser? User { get; init; }

    public string? Nick { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Permission bitfield as a decimal string (interactions only).</summary>
    public string? Permissions { get; init; }
}
