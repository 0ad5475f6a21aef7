namespace CoachBot.Discord.Models;

/// <summary><c>GET /gateway/bot</c>: where to connect, the recommended shard count and the identify budget.</summary>
public sealed class GatewayBotInfo
{
    public string Url { get; init; } = string.Empty;

    public int Shards { get; init; } = 1;

    public SessionStartLimit? SessionStartLimit { get; init; }
}
