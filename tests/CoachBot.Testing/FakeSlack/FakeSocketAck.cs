namespace CoachBot.Testing.FakeSlack;

/// <summary>An acknowledgement the fake received on a Socket Mode connection.</summary>
public sealed record FakeSocketAck(string EnvelopeId, JsonObject? Payload, int ConnectionId, long Sequence, DateTimeOffset ReceivedAt, long Timestamp);
