using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>JSON settings for Slack payloads: snake_case names, unknown fields ignored, numbers accepted as strings.</summary>
public static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static T? Read<T>(JsonElement element)
        where T : class
    {
        try
        {
            return element.Deserialize<T>(Options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that isn't valid UTF-16 (a lone surrogate escape), or no payload at all.
            return null;
        }
    }
}
