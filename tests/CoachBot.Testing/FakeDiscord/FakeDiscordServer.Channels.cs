namespace CoachBot.Testing.FakeDiscord;

/// <summary>
/// Channels the fake knows (GET /channels/{id}): each with its guild. An unknown id answers 404 with Discord's
/// "Unknown Channel" (10003), as for a channel the bot cannot see.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private readonly ConcurrentDictionary<string, string> _channelGuilds = new(StringComparer.Ordinal);

    /// <summary>Makes channel <paramref name="channelId"/> (a text channel) known, in guild <paramref name="guildId"/>.</summary>
    public void AddChannel(string channelId, string guildId) => _channelGuilds[channelId] = guildId;

    private (int, JsonNode?) GetChannel(HttpContext context, JsonNode? body)
    {
        var id = (string?)context.Request.RouteValues["channel"] ?? string.Empty;
        return _channelGuilds.TryGetValue(id, out var guild)
            ? (200, new JsonObject { ["id"] = id, ["type"] = 0, ["guild_id"] = guild, ["name"] = "channel-" + id })
            : Error(404, 10003, "Unknown Channel");
    }
}
