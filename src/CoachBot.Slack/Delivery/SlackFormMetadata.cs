using System.Text.Json.Serialization;

namespace CoachBot.Slack.Delivery;

/// <summary>What a modal remembers in private_metadata: where to answer when it is submitted.</summary>
public sealed record SlackFormMetadata(
    [property: JsonPropertyName("c")] string Channel,
    [property: JsonPropertyName("t")] string? ThreadTs);
