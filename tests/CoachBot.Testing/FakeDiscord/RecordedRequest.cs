namespace CoachBot.Testing.FakeDiscord;

/// <summary>A REST request the fake received, with the status it answered.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    JsonNode? Body,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ReceivedAt,
    int Status)
{
    /// <summary>The <c>files[n]</c> parts of a multipart/form-data request (uploads), in the order sent.</summary>
    public IReadOnlyList<RecordedFile> Files { get; init; } = [];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The <c>content</c> of a message body, when there is one.</summary>
    public string? Content => Body is JsonObject body
        ? body["content"]?.GetValue<string>() ?? (body["data"] as JsonObject)?["content"]?.GetValue<string>()
        : null;

    public override string ToString() => $"{Method} {Path} → {Status}";
}
