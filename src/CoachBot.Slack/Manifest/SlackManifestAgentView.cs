using System.Text;
using CoachBot.Slack.Agent;

namespace CoachBot.Slack.Manifest;

/// <summary>
/// Writes the <c>features.agent_view</c> section of <c>slack-app-manifest.yaml</c> (Slack's agent messaging experience,
/// https://docs.slack.dev/ai/migrating-to-agent-messaging/: <c>agent_view</c> with <c>agent_description</c>; the older
/// <c>assistant_view</c> / <c>assistant_description</c> will be deprecated) from <see cref="SlackAgentPrompts"/>, so the
/// description and suggested prompts in the app settings are the ones the running bot greets with.
/// </summary>
public static class SlackManifestAgentView
{
    /// <summary>The first line of the generated section; everything from it up to <see cref="NextSection"/> is replaced.</summary>
    public const string Marker = "  # Generated from src/CoachBot.Slack/Agent/SlackAgentPrompts.cs; do not edit by hand. Regenerate: dotnet run --project src/CoachBot -- slack-manifest --write";

    /// <summary>The section written after agent_view, before which it is inserted when the manifest has none yet.</summary>
    public const string NextSection = "  bot_user:";

    public static string Render()
    {
        var yaml = new StringBuilder().Append(Marker).Append('\n')
            .Append("  agent_view:\n")
            .Append("    agent_description: ").Append(SlackManifestYaml.Quote(SlackAgentPrompts.Description)).Append('\n')
            .Append("    suggested_prompts:\n");
        foreach (var prompt in SlackAgentPrompts.Prompts.Take(SlackAgentPrompts.MaxPrompts))
        {
            yaml.Append("      - title: ").Append(SlackManifestYaml.Quote(prompt.Title)).Append('\n')
                .Append("        message: ").Append(SlackManifestYaml.Quote(prompt.Message)).Append('\n');
        }

        return yaml.ToString();
    }

    /// <summary>The manifest with its agent_view section written (replaced, or inserted before <see cref="NextSection"/>).</summary>
    public static string Update(string manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var text = manifest.ReplaceLineEndings("\n");
        var end = text.IndexOf("\n" + NextSection + "\n", StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"The manifest has no '{NextSection}' section under features.");
        }

        var start = text.IndexOf(Marker + "\n", StringComparison.Ordinal);
        if (start < 0 || start > end)
        {
            start = end + 1;
        }

        return text[..start] + Render() + text[(end + 1)..];
    }
}
