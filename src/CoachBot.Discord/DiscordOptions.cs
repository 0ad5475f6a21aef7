using CoachBot.Discord.Gateway;
using System.ComponentModel.DataAnnotations;

namespace CoachBot.Discord;

/// <summary>
/// Settings of the Discord adapter, bound from the "Discord" section. Only <see cref="Token"/> is needed to run; the
/// adapter stays off when it is absent. The gateway URL always comes from <c>GET {ApiBaseUrl}/gateway/bot</c>, which is
/// how tests and staging point the bot at another server.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token from the Developer Portal (Bot page). Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>REST base, version included.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Use this gateway URL instead of the one <c>/gateway/bot</c> returns (debugging proxies only).</summary>
    public string? GatewayUrlOverride { get; set; }

    /// <summary>Total shards across all processes; null uses the count Discord recommends in <c>/gateway/bot</c>.</summary>
    [Range(1, 10000)]
    public int? ShardCount { get; set; }

    /// <summary>The shard ids this process runs (each below ShardCount); empty runs all of them.</summary>
    public IList<int> ShardIds { get; } = [];

    /// <summary>When set, commands are registered to these guilds only (instant, for development) instead of globally.</summary>
    public IList<string> GuildIds { get; } = [];

    /// <summary>Members holding one of these role ids count as moderators, besides Manage Server and Administrator.</summary>
    public IList<string> ModeratorRoleIds { get; } = [];

    /// <summary>Local cap on REST calls per second (Discord's global limit is 50; interaction routes are exempt).</summary>
    [Range(1, 50)]
    public int MaxRequestsPerSecond { get; set; } = 50;

    /// <summary>Interactions worked on at the same time after their acknowledgement (acks themselves never wait); awaiting the LLM holds no place (Llm:MaxConcurrentRequests bounds that).</summary>
    [Range(1, 256)]
    public int MaxConcurrentInteractions { get; set; } = 16;

    /// <summary>How many times one REST call is retried after a 429 or a 5xx before giving up.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gateway intents; the default is GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES | MESSAGE_CONTENT (37377).
    /// Use 4609 to run without the privileged Message Content intent (mentions, DMs and slash commands still work).</summary>
    [Range(1, int.MaxValue)]
    public int Intents { get; set; } = (int)Gateway.GatewayIntents.Default;

    /// <summary>Minutes of inactivity before threads the bot opens are archived: 60, 1440, 4320 or 10080.</summary>
    public int ThreadAutoArchiveMinutes { get; set; } = 1440;

    /// <summary>Register application commands at start-up (turn off when another process of the same bot does it).</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>
    /// How long after its arrival an interaction acknowledged but not answered before a crash is still answered after
    /// the restart. Within Discord's 15-minute token life the "thinking…" placeholder is edited; after it a public answer
    /// is posted in the channel and a private one is dropped (logged). 15 minutes to 1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:15:00", "1.00:00:00")]
    public TimeSpan DeliveryUsefulLife { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// On shutdown, how long answers in hand may still run after the gateway was closed; what is unfinished then stays
    /// in the inbox for the next start. Keep it below the host's shutdown timeout (30 s by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The URL in the User-Agent header Discord requires (<c>DiscordBot (url, version)</c>).</summary>
    [Required]
    public string UserAgentUrl { get; set; } = "https://github.com/coachbot/coachbot";

    /// <summary>First delay of the exponential reconnect backoff, in milliseconds.</summary>
    [Range(0, 60000)]
    public int ReconnectBaseDelayMs { get; set; } = 1000;

    /// <summary>Longest reconnect backoff, in milliseconds.</summary>
    [Range(100, 600000)]
    public int ReconnectMaxDelayMs { get; set; } = 60000;

    /// <summary>Random wait before identifying again after an invalid session (Discord suggests 1–5 s).</summary>
    [Range(0, 60000)]
    public int InvalidSessionMinDelayMs { get; set; } = 1000;

    [Range(0, 60000)]
    public int InvalidSessionMaxDelayMs { get; set; } = 5000;

    /// <summary>Identify window per max_concurrency bucket (Discord's rule is 5 s; only tests shorten it).</summary>
    [Range(0, 60000)]
    public int IdentifyIntervalMs { get; set; } = 5000;

    /// <summary>
    /// The largest gateway message (all its WebSocket fragments together) the client accepts before it closes the
    /// connection and resumes. Not a setting: 16 MB, far above anything Discord sends; tests lower it.
    /// </summary>
    internal int MaxGatewayFrameBytes { get; set; } = GatewayConnectionSettings.DefaultMaxFrameBytes;

    internal bool IsEnabled => !string.IsNullOrWhiteSpace(Token);
}
