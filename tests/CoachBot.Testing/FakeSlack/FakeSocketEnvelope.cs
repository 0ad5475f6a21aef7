namespace CoachBot.Testing.FakeSlack;

/// <summary>An envelope the fake sent (first delivery or re-delivery).</summary>
public sealed record FakeSocketEnvelope(string EnvelopeId, string Type, JsonObject Payload, int RetryAttempt, int ConnectionId, long Sequence, long Timestamp);
