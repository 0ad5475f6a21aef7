using System.Text.Json;

namespace CoachBot.Discord.Gateway;

/// <summary>A received gateway frame: <c>{"op","d","s","t"}</c>.</summary>
public sealed record GatewayPayload(GatewayOpCode Op, JsonElement Data, int? Sequence, string? EventName)
{
    public static GatewayPayload Parse(ReadOnlyMemory<byte> utf8) =>
        TryParse(utf8, out var payload, out var problem) ? payload : throw new JsonException("Not a gateway payload: " + problem);

    /// <summary>
    /// Reads a frame; false (with the reason) when it is not JSON, not an object, has no integer <c>op</c>, or its
    /// sequence or event name has the wrong type. Discord never sends such a frame; the client skips one if it comes.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GatewayPayload? payload, out string? problem)
    {
        payload = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            problem = "not JSON (" + ex.Message + ")";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var opElement)
                || opElement.ValueKind != JsonValueKind.Number || !opElement.TryGetInt32(out var op))
            {
                problem = "no integer op";
                return false;
            }

            int? sequence = null;
            if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
            {
                if (!s.TryGetInt32(out var seq))
                {
                    problem = "a sequence number out of range";
                    return false;
                }

                sequence = seq;
            }

            string? name = null;
            if (root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String)
            {
                try
                {
                    name = t.GetString();
                }
                catch (InvalidOperationException)
                {
                    problem = "an unreadable event name";
                    return false;
                }
            }

            var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
            payload = new GatewayPayload((GatewayOpCode)op, data, sequence, name);
            problem = null;
            return true;
        }
    }
}
