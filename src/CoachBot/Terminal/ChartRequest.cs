using CoachBot.Core.Replies;

namespace CoachBot.Terminal;

/// <summary>
/// <c>/progress --chart FILE.png</c> in the terminal: the command runs as typed without the flag, and the PNG the reply
/// carries (the same chart Discord and Slack show) is written to the file. Local only: the person at the console names
/// a file on their own machine; chat platforms never get this flag.
/// </summary>
public static class ChartRequest
{
    public const string Flag = "--chart";

    public static bool TryParse(string line, out string command, out string path)
    {
        ArgumentNullException.ThrowIfNull(line);
        command = line;
        path = "";
        var at = line.IndexOf(" " + Flag, StringComparison.Ordinal);
        if (!line.StartsWith("/progress", StringComparison.OrdinalIgnoreCase) || at < 0)
        {
            return false;
        }

        path = line[(at + Flag.Length + 1)..].Trim().Trim('"', '\'');
        command = line[..at].TrimEnd();
        return true;
    }

    /// <summary>Writes the first PNG attachment of <paramref name="replies"/> to <paramref name="path"/> and says what happened.</summary>
    public static Reply Write(IReadOnlyList<Reply> replies, string path)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (path.Length == 0)
        {
            return Reply.Ephemeral("Give the file to write, e.g. `/progress --chart progress.png`.");
        }

        var chart = replies.SelectMany(r => r.Attachments).FirstOrDefault(a => a.ContentType == ReplyAttachment.Png);
        if (chart is null)
        {
            return Reply.Ephemeral("There is no chart yet: answer a few quiz questions first (`/quiz databases`).");
        }

        try
        {
            var full = Path.GetFullPath(path);
            File.WriteAllBytes(full, chart.Content.ToArray());
            return Reply.Ephemeral($"Chart written to {full} ({chart.Content.Length} bytes, PNG).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Reply.Ephemeral($"I couldn't write the chart to that file: {ex.Message}");
        }
    }
}
