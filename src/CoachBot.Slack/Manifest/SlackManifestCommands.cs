using System.Text;
using CoachBot.Core.Commands;
using CoachBot.Slack.Commands;

namespace CoachBot.Slack.Manifest;

/// <summary>
/// Writes the <c>slash_commands</c> section of <c>slack-app-manifest.yaml</c> from the core's
/// <see cref="CommandDefinition"/>s, so the manifest can't drift from the commands the bot really has: names,
/// descriptions and usage hints (options as <c>&lt;required&gt; [optional]</c>, subcommands as <c>a | b | …</c>), and
/// <c>should_escape: true</c> so Slack sends mentions and channels as <c>&lt;@U…|name&gt;</c> and <c>&lt;#C…|name&gt;</c>,
/// which the adapter decodes into user and channel ids. A command whose name Slack keeps for itself is registered under
/// its Slack name (<c>/coach-remind</c>, <see cref="SlackCommandNames"/>): one built-in name makes Slack refuse the list.
/// </summary>
public static class SlackManifestCommands
{
    /// <summary>The first line of the generated section; everything from it up to <see cref="NextSection"/> is replaced.</summary>
    public const string Marker = "  # Generated from the command definitions; do not edit by hand. Regenerate: dotnet run --project src/CoachBot -- slack-manifest --write";

    public const string NextSection = "oauth_config:";

    // Slack's limits for slash command fields in a manifest.
    private const int MaxDescription = 2000;
    private const int MaxUsageHint = 1000;

    public static string Render(IEnumerable<CommandDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var yaml = new StringBuilder().Append(Marker).Append('\n').Append("  slash_commands:\n");
        foreach (var definition in definitions)
        {
            yaml.Append("    - command: /").Append(SlackCommandNames.ToSlack(definition.Name)).Append('\n')
                .Append("      description: ").Append(Quote(Clip(definition.Description, MaxDescription))).Append('\n');
            if (UsageHint(definition) is { Length: > 0 } hint)
            {
                yaml.Append("      usage_hint: ").Append(Quote(Clip(hint, MaxUsageHint))).Append('\n');
            }

            yaml.Append("      should_escape: true\n")
                .Append("      # url: https://coachbot.example.com/slack/events\n");
        }

        return yaml.ToString();
    }

    /// <summary>The manifest with its slash-command section replaced by what the definitions produce.</summary>
    public static string Update(string manifest, IEnumerable<CommandDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var text = manifest.ReplaceLineEndings("\n");
        var start = text.IndexOf(Marker + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            start = text.IndexOf("  slash_commands:\n", StringComparison.Ordinal);
        }

        var end = text.IndexOf("\n" + NextSection, Math.Max(start, 0), StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            throw new InvalidOperationException($"The manifest has no '  slash_commands:' section followed by '{NextSection}'.");
        }

        return text[..start] + Render(definitions) + text[(end + 1)..];
    }

    /// <summary>e.g. <c>[skill] [questions] [difficulty]</c>, or <c>current | submit [text] | post …</c> for subcommands.</summary>
    public static string UsageHint(CommandDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Subcommands.Count > 0
            ? string.Join(" | ", definition.Subcommands.Select(s => Join(s.Name, Options(s))))
            : Options(definition);
    }

    private static string Options(CommandDefinition definition) =>
        string.Join(' ', definition.Options.Select(o => o.Required ? $"<{o.Name}>" : $"[{o.Name}]"));

    private static string Join(string head, string tail) => tail.Length == 0 ? head : head + " " + tail;

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Quote(string text) => SlackManifestYaml.Quote(text);
}
