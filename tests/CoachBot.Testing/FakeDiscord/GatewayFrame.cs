namespace CoachBot.Testing.FakeDiscord;

/// <summary>A payload the client sent on the fake gateway, with the connection it came on (1-based).</summary>
public sealed record GatewayFrame(int Connection, int Op, JsonNode Payload, string Path, DateTimeOffset ReceivedAt);
