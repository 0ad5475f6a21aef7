namespace CoachBot.Discord.Gateway;

/// <summary>What one shard's gateway client needs: where to connect, as whom, and which shard it is.</summary>
public sealed record GatewayConnectionSettings(string GatewayUrl, string Token, int ShardId, int ShardCount, int Intents)
{
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan InvalidSessionMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>16 MB: Discord's payloads are far smaller (a GUILD_CREATE of a large server is a few MB).</summary>
    public const int DefaultMaxFrameBytes = 16 * 1024 * 1024;

    /// <summary>The largest message, all fragments together, before the connection is closed (1009) and resumed.</summary>
    public int MaxFrameBytes { get; init; } = DefaultMaxFrameBytes;

    /// <summary>Redacted: records print their members, and this one holds the token.</summary>
    public override string ToString() => $"shard {ShardId}/{ShardCount} at {GatewayUrl}";
}
