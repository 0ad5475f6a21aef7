using System.Text.Json;

namespace CoachBot.Discord.Gateway;

/// <summary>A received gateway frame: <c>{"op","d","s","t"}</c>.</summary>
public sealed record GatewayPayload(GatewayOpCode Op, JsonElement Data, int? Sequence, string? EventName)
{
    public static GatewayPayload Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        var op = (GatewayOpCode)root.GetProperty("op").GetInt32();
        int? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
        string? name = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        return new GatewayPayload(op, data, sequence, name);
    }
}
