using System.Text;
using System.Text.RegularExpressions;
using CoachBot.Core.Replies;

namespace CoachBot.Terminal;

/// <summary>
/// Renders replies as plain terminal text: a title line, the Markdown with emphasis markers removed, buttons as a
/// numbered list (typing the number clicks it), the Sources list and the footer.
/// </summary>
public static partial class TerminalReplyRenderer
{
    public static string Render(Reply reply, int firstButtonNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            text.Append("== ").Append(reply.Title).AppendLine(" ==");
        }

        if (reply.Text.Length > 0)
        {
            text.AppendLine(Plain(reply.Text));
        }

        for (var i = 0; i < reply.Buttons.Count; i++)
        {
            var button = reply.Buttons[i];
            text.Append("  ").Append(firstButtonNumber + i).Append(") ").Append(button.Label)
                .AppendLine(button.Disabled ? " (unavailable)" : string.Empty);
        }

        if (reply.Sources.Count > 0)
        {
            text.AppendLine("Sources:");
            for (var i = 0; i < reply.Sources.Count; i++)
            {
                text.Append("  [").Append(i + 1).Append("] ").AppendLine(reply.Sources[i].Display);
            }
        }

        if (reply.Form is { } form)
        {
            text.AppendLine(form.FallbackText);
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            text.Append('(').Append(reply.Footer).AppendLine(")");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Strips Markdown emphasis and heading markers that read as noise in a terminal; keeps quotes and lists.</summary>
    public static string Plain(string markdown)
    {
        var text = Bold().Replace(markdown, "$1");
        text = Heading().Replace(text, string.Empty);
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"^#{1,6}\s+", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
