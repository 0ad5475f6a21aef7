namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// One line of hostile-inputs.jsonl: an id, a category, a kind saying how it is delivered, and the kind's own fields.
/// Long texts may be written as <c>generate</c> (prefix + repeat × times + suffix); texts JSON readers refuse (lone
/// surrogates) as <c>textEscaped</c>, whose <c>\uXXXX</c> sequences are decoded here.
/// </summary>
public sealed partial record HostileInput(string Id, string Category, string Kind, JsonObject Fields)
{
    /// <summary>Free text: through /ask, mentions, DMs, interview answers and terminal lines.</summary>
    public const string TextKind = "text";

    /// <summary>A command with hostile names or option values (slash command, Slack command text, terminal line).</summary>
    public const string CommandKind = "command";

    /// <summary>A button click with a forged or replayed id; <c>{live}</c>/<c>{ended}</c> name real quiz sessions.</summary>
    public const string ButtonKind = "button";

    /// <summary>A modal/view submission with a forged form id.</summary>
    public const string FormKind = "form";

    /// <summary>A gateway dispatch whose data has wrong types, missing fields, or is raw JSON.</summary>
    public const string DiscordDispatchKind = "discord-dispatch";

    /// <summary>A raw gateway frame.</summary>
    public const string DiscordFrameKind = "discord-frame";

    /// <summary>A Socket Mode envelope whose payload has wrong types, missing fields, or is not an object.</summary>
    public const string SlackEnvelopeKind = "slack-envelope";

    /// <summary>A raw Socket Mode frame.</summary>
    public const string SlackFrameKind = "slack-frame";

    /// <summary>A raw HTTP-mode request (body, content type, signing).</summary>
    public const string SlackHttpKind = "slack-http";

    public string? Note => Field("note");

    /// <summary>The text of a text entry (or the <c>frame</c>/<c>body</c> of a raw one), generated or decoded as written.</summary>
    public string Text => Materialize("text") ?? Materialize("frame") ?? Materialize("body") ?? string.Empty;

    public string? Field(string name) => Fields[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public JsonNode? Node(string name) => Fields[name];

    public bool Has(string name) => Fields.ContainsKey(name);

    /// <summary>Short, printable description for failure messages (no raw control or bidi characters).</summary>
    public override string ToString()
    {
        var preview = Kind switch
        {
            TextKind => Text,
            CommandKind => "/" + Field("command") + " " + Field("subcommand") + " " + Node("options")?.ToJsonString(),
            ButtonKind => Field("customId") + " as " + Field("actor"),
            FormKind => Field("formId") ?? string.Empty,
            _ => Fields.ToJsonString(),
        };
        return $"{Id} [{Printable(preview, 80)}]";
    }

    /// <summary>Escapes everything outside printable ASCII, and cuts, so a failure message is readable.</summary>
    public static string Printable(string text, int max)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (builder.Length >= max)
            {
                builder.Append("…(").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars)");
                break;
            }

            builder.Append(c is >= ' ' and <= '~' ? c.ToString() : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private string? Materialize(string name)
    {
        if (Field(name) is { } plain)
        {
            return plain;
        }

        if (Field(name + "Escaped") is { } escaped)
        {
            return EscapedUnit().Replace(escaped, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        }

        var generate = Fields[name == "text" ? "generate" : name + "Generate"] as JsonObject;
        if (generate is null)
        {
            return null;
        }

        var repeat = generate["repeat"]!.GetValue<string>();
        var times = generate["times"]!.GetValue<int>();
        var builder = new StringBuilder((repeat.Length * times) + 64);
        builder.Append(generate["prefix"]?.GetValue<string>());
        for (var i = 0; i < times; i++)
        {
            builder.Append(repeat);
        }

        return builder.Append(generate["suffix"]?.GetValue<string>()).ToString();
    }

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex EscapedUnit();
}
