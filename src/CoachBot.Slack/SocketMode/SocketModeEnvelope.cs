using System.Text.Json;

namespace CoachBot.Slack.SocketMode;

/// <summary>A received (and already acknowledged) Socket Mode envelope: events_api, slash_commands or interactive.</summary>
public sealed record SocketModeEnvelope(string EnvelopeId, string Type, JsonElement Payload, int RetryAttempt, int ConnectionId);
