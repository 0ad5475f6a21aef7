namespace CoachBot.Testing.FakeSlack;

/// <summary>
/// One Web API request the fake received. <see cref="Body"/> holds JSON fields (form bodies are converted; a form
/// <c>blocks</c> string is parsed). <see cref="Sequence"/> orders it against acks and response_url posts.
/// </summary>
public sealed record FakeSlackApiCall(
    string Method,
    string? Token,
    JsonObject Body,
    string? Error,
    int StatusCode,
    long Sequence,
    DateTimeOffset ReceivedAt,
    long Timestamp)
{
    public bool Ok => Error is null && StatusCode == 200;

    public string? Field(string name) => Body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : Body[name]?.ToJsonString();

    public JsonArray Blocks => Body["blocks"] as JsonArray ?? [];
}
