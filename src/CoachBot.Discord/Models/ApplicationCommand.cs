namespace CoachBot.Discord.Models;

/// <summary>A chat-input command registration (element of the bulk-overwrite array).</summary>
public sealed class ApplicationCommand
{
    public string Name { get; init; } = string.Empty;

    public int Type { get; } = 1;

    public string Description { get; init; } = string.Empty;

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>String bitfield; "32" (Manage Server) for moderator commands; null for everyone.</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>0 guild, 1 bot DM, 2 private channel; null for guild-scoped registrations.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    public IReadOnlyList<int>? IntegrationTypes { get; init; }
}
