namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// Writes payloads so hostile text reaches the bot exactly as written. System.Text.Json replaces lone surrogates with
/// U+FFFD when it writes, so texts are held as placeholders while the payload is serialized and then spliced in,
/// escaped by hand (every code unit outside printable ASCII as <c>\uXXXX</c>). Also applies the corpus's field
/// mutations (<c>set</c>/<c>remove</c> with dotted paths, numbers indexing arrays).
/// </summary>
public sealed class RawJson
{
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>A placeholder to use as a string value; <see cref="Write"/> replaces it with <paramref name="text"/>.</summary>
    public JsonNode Hold(string text)
    {
        var key = "abuse-raw-" + Guid.NewGuid().ToString("N");
        _texts[key] = text;
        return JsonValue.Create(key);
    }

    public string Write(JsonNode? node)
    {
        var json = node?.ToJsonString() ?? "null";
        foreach (var (key, text) in _texts)
        {
            json = json.Replace("\"" + key + "\"", Quote(text), StringComparison.Ordinal);
        }

        return json;
    }

    /// <summary>A JSON string literal for <paramref name="text"/>, each UTF-16 code unit kept (lone surrogates included).</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case >= ' ' and <= '~':
                    builder.Append(c);
                    break;
                default:
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Applies an entry's <c>set</c> and <c>remove</c> mutations to <paramref name="root"/>.</summary>
    public static void Mutate(JsonNode root, HostileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Node("set") is JsonObject set)
        {
            foreach (var (path, value) in set)
            {
                var (parent, last) = Walk(root, path);
                switch (parent)
                {
                    case JsonObject obj:
                        obj[last] = value?.DeepClone();
                        break;
                    case JsonArray array:
                        array[int.Parse(last, CultureInfo.InvariantCulture)] = value?.DeepClone();
                        break;
                }
            }
        }

        if (input.Node("remove") is JsonArray remove)
        {
            foreach (var path in remove.Select(p => p!.GetValue<string>()))
            {
                var (parent, last) = Walk(root, path);
                (parent as JsonObject)?.Remove(last);
            }
        }
    }

    private static (JsonNode Parent, string Last) Walk(JsonNode root, string path)
    {
        var segments = path.Split('.');
        var node = root;
        foreach (var segment in segments[..^1])
        {
            node = (node is JsonArray array ? array[int.Parse(segment, CultureInfo.InvariantCulture)] : node[segment])
                ?? throw new InvalidDataException($"Mutation path '{path}' does not exist in the base payload.");
        }

        return (node, segments[^1]);
    }
}
