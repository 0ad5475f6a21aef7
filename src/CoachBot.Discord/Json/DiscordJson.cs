using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Discord.Json;

/// <summary>The one JSON setting for Discord payloads: snake_case, nulls omitted, numbers accepted as strings, unknown fields ignored.</summary>
public static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
