namespace CoachBot.Testing.FakeSlack;

/// <summary>A POST to a response_url the fake handed out.</summary>
public sealed record FakeResponsePost(string ResponseUrlId, JsonObject Body, long Sequence, DateTimeOffset ReceivedAt)
{
    public bool ReplaceOriginal => Body["replace_original"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public bool DeleteOriginal => Body["delete_original"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public string? ResponseType => (string?)Body["response_type"];

    public JsonArray Blocks => Body["blocks"] as JsonArray ?? [];

    public string AllText => string.Join('\n', FakeSlackBlocks.Texts(Blocks));
}
