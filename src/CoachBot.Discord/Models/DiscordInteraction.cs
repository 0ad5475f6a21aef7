namespace CoachBot.Discord.Models;

/// <summary>An INTERACTION_CREATE payload. The invoker is <c>member.user</c> in guilds and <c>user</c> in DMs.</summary>
public sealed class DiscordInteraction
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;

    public string Id { get; init; } = string.Empty;

    public string ApplicationId { get; init; } = string.Empty;

    public int Type { get; init; }

    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    public DiscordChannel? Channel { get; init; }

    public DiscordMember? Member { get; init; }

    public DiscordUser? User { get; init; }

    public string Token { get; init; } = string.Empty;

    public DiscordMessage? Message { get; init; }

    public string? Locale { get; init; }

    public DiscordUser? Invoker => Member?.User ?? User;
}
