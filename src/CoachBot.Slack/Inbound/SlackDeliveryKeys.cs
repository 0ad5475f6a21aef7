using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoachBot.Core.Inbound;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// The one rule, for both transports, of which deliveries are "the same": an event by its event_id (the Events API
/// retries with the same id, over HTTP with X-Slack-Retry-Num and over Socket Mode with retry_attempt), a slash command
/// by its trigger_id, an interaction by its trigger_id and the first action's action_ts. Without those, a Socket Mode
/// envelope id still identifies a redelivered envelope; an HTTP request without any id is its own delivery.
/// </summary>
public static class SlackDeliveryKeys
{
    public static string For(SlackInboundKind kind, JsonElement payload, string? envelopeId = null)
    {
        var id = kind switch
        {
            SlackInboundKind.Event => Read(payload, "event_id"),
            _ => Read(payload, "trigger_id"),
        };
        if (id is not null && kind == SlackInboundKind.Interaction && FirstActionTs(payload) is { } actionTs)
        {
            id += "/" + actionTs;
        }

        var key = id is not null ? Prefix(kind) + id
            : !string.IsNullOrEmpty(envelopeId) ? "envelope:" + envelopeId
            : "unkeyed:" + Guid.NewGuid().ToString("N");
        return key.Length <= InboundLimits.DeliveryKeyLength ? key : Prefix(kind) + "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static string Prefix(SlackInboundKind kind) => kind switch
    {
        SlackInboundKind.Event => "event:",
        SlackInboundKind.SlashCommand => "command:",
        _ => "interaction:",
    };

    private static string? FirstActionTs(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array
            && actions.GetArrayLength() > 0
            ? Read(actions[0], "action_ts")
            : null;

    private static string? Read(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
