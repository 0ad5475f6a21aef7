namespace CoachBot.Discord.Gateway;

/// <summary>Gateway intents (bit values as Discord defines them).</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged: must be enabled in the Developer Portal, else the gateway closes with 4014.</summary>
    MessageContent = 1 << 15,

    /// <summary>37377: what the coach needs to read mentions, DMs and thread replies.</summary>
    Default = Guilds | GuildMessages | DirectMessages | MessageContent,

    /// <summary>4609: the same without the privileged intent (mentions, DMs and slash commands still carry content).</summary>
    WithoutMessageContent = Guilds | GuildMessages | DirectMessages,
}
