namespace CoachBot.Slack.Manifest;

/// <summary>YAML scalars as the manifest generators write them: always double-quoted, so no value is read as YAML syntax.</summary>
internal static class SlackManifestYaml
{
    public static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
