using System.Text.Json;

namespace CoachBot.Discord.Models;

/// <summary>Discord's error body: a JSON error code (10062, 40060, 50035, …), a message and, for 429s, retry_after.</summary>
public sealed class DiscordErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }

    public JsonElement? Errors { get; init; }
}
