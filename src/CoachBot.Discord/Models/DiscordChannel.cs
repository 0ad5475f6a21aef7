namespace CoachBot.Discord.Models;

public sealed class DiscordChannel
{
    public const int GuildText = 0;
    public const int DirectMessage = 1;
    public const int AnnouncementThread = 10;
    public const int PublicThread = 11;
    public const int PrivateThread = 12;

    public string Id { get; init; } = string.Empty;

    public int Type { get; init; }

    public string? GuildId { get; init; }

    public string? ParentId { get; init; }

    public string? OwnerId { get; init; }

    public string? Name { get; init; }

    public bool IsThread => Type is AnnouncementThread or PublicThread or PrivateThread;
}
