using System.Text.Json;

namespace CoachBot.Slack.SocketMode;

/// <summary>A received Socket Mode envelope: events_api, slash_commands or interactive.</summary>
public sealed record SocketModeEnvelope(string EnvelopeId, string Type, JsonElement Payload, int RetryAttempt, int ConnectionId)
{
    /// <summary>Completes once the envelope's ack was sent (or could not be), so work on it starts only after the ack.</summary>
    public TaskCompletionSource AckSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
