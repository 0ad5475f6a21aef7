namespace CoachBot.Host.Tests.Abuse;

/// <summary>A command entry as typed text: <c>[subcommand] name:value …</c> (Slack's command text, the terminal's line).</summary>
public static class CommandLineText
{
    public static string Arguments(HostileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parts = new List<string>();
        if (input.Field("subcommand") is { } subcommand)
        {
            parts.Add(subcommand);
        }

        foreach (var (name, value) in input.Node("options") as JsonObject ?? [])
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";
            parts.Add(text.Contains(' ', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? $"{name}:\"{text}\"" : $"{name}:{text}");
        }

        return string.Join(' ', parts);
    }

    public static string Line(HostileInput input)
    {
        var arguments = Arguments(input);
        return "/" + input.Field("command") + (arguments.Length > 0 ? " " + arguments : string.Empty);
    }
}
