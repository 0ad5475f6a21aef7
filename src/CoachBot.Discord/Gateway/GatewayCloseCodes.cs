namespace CoachBot.Discord.Gateway;

/// <summary>Discord's gateway close codes and what each one means for the client.</summary>
public static class GatewayCloseCodes
{
    public const int UnknownError = 4000;
    public const int AuthenticationFailed = 4004;
    public const int InvalidSequence = 4007;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    public static GatewayCloseAction Classify(int? closeCode) => closeCode switch
    {
        AuthenticationFailed or InvalidShard or ShardingRequired or InvalidApiVersion or InvalidIntents or DisallowedIntents => GatewayCloseAction.Fatal,
        InvalidSequence or SessionTimedOut => GatewayCloseAction.NewSession,
        _ => GatewayCloseAction.Resume,
    };

    /// <summary>A sentence telling the operator what to fix, for the one log line a fatal close produces.</summary>
    public static string Explain(int? closeCode) => closeCode switch
    {
        AuthenticationFailed => "authentication failed: Discord:Token is not a valid bot token (reset it in the Developer Portal, Bot page)",
        InvalidShard => "invalid shard: check Discord:ShardIds and Discord:ShardCount",
        ShardingRequired => "sharding required: the bot is in too many guilds for one shard; set Discord:ShardCount higher (or leave it empty to use Discord's recommendation)",
        InvalidApiVersion => "invalid API version: Discord:ApiBaseUrl must end with /api/v10",
        InvalidIntents => "invalid intents: check Discord:Intents",
        DisallowedIntents => "disallowed intents: enable the Message Content intent (Developer Portal > Bot > Privileged Gateway Intents) or set Discord:Intents to 4609 to run without it",
        _ => $"close code {closeCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}",
    };
}
