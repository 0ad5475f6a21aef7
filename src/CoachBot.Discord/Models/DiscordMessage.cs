namespace CoachBot.Discord.Models;

/// <summary>A message as MESSAGE_CREATE and the REST API return it (only the fields the adapter reads).</summary>
public sealed class DiscordMessage
{
    public string Id { get; init; } = string.Empty;

    public string ChannelId { get; init; } = string.Empty;

    public string? GuildId { get; init; }

    public DiscordUser? Author { get; init; }

    public DiscordMember? Member { get; init; }

    public string? Content { get; init; }

    public IReadOnlyList<DiscordUser> Mentions { get; init; } = [];

    public bool MentionEveryone { get; init; }

    public int Type { get; init; }

    public string? WebhookId { get; init; }

    public int? ChannelType { get; init; }
}
