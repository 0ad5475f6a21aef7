using System.Text;
using System.Text.RegularExpressions;
using CoachBot.Core.Replies;

namespace CoachBot.Terminal;

/// <summary>
/// Renders replies as plain terminal text: a title line, the Markdown with emphasis markers removed, the Sources list
/// under the text they cite, attachments as their text rendering, buttons as a numbered list (typing the number clicks it), the footer and, under an answer, how to rate it.
/// </summary>
public static partial class TerminalReplyRenderer
{
    public const string FeedbackHint = "Was this helpful? /feedback up or /feedback down";

    public static string Render(Reply reply, int firstButtonNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            text.Append("== ").Append(reply.Title).AppendLine(" ==");
        }

        // Sources cite the text before the first horizontal rule (a quiz explanation before the next question), so they
        // print right under it, never under the next part's options where they would read like a hint.
        var (cited, rest) = SplitAtRule(reply.Text);
        if (cited.Length > 0)
        {
            text.AppendLine(Plain(cited));
        }

        if (reply.Sources.Count > 0)
        {
            text.AppendLine("Sources:");
            for (var i = 0; i < reply.Sources.Count; i++)
            {
                text.Append("  [").Append(i + 1).Append("] ").AppendLine(reply.Sources[i].Display);
            }
        }

        if (rest is not null)
        {
            text.AppendLine("---").AppendLine(Plain(rest));
        }

        // A terminal shows no pictures: a chart prints as its text rendering (/progress --chart FILE.png writes the PNG).
        foreach (var attachment in reply.Attachments)
        {
            text.AppendLine(attachment.TextFallback ?? $"[{attachment.FileName}: {attachment.AltText}]");
        }

        for (var i = 0; i < reply.Buttons.Count; i++)
        {
            var button = reply.Buttons[i];
            text.Append("  ").Append(firstButtonNumber + i).Append(") ").Append(button.Label)
                .AppendLine(button.Disabled ? " (unavailable)" : string.Empty);
        }

        if (reply.Form is { } form)
        {
            text.AppendLine(form.FallbackText);
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            text.Append('(').Append(reply.Footer).AppendLine(")");
        }

        if (reply.Feedback is not null)
        {
            // The terminal has no buttons to click: /feedback rates the newest answer in this conversation.
            text.AppendLine(FeedbackHint);
        }

        return text.ToString().TrimEnd();
    }

    private static (string Cited, string? Remainder) SplitAtRule(string markdown)
    {
        var match = Rule().Match(markdown);
        return match.Success
            ? (markdown[..match.Index].TrimEnd(), markdown[(match.Index + match.Length)..].TrimStart())
            : (markdown, null);
    }

    /// <summary>Strips Markdown emphasis and heading markers that read as noise in a terminal; keeps quotes and lists.</summary>
    public static string Plain(string markdown)
    {
        var text = Bold().Replace(markdown, "$1");
        text = Heading().Replace(text, string.Empty);
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // Replies carry model and user text: the linear-time engine keeps a pathological line's cost proportional to its length.
    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.NonBacktracking)]
    private static partial Regex Bold();

    [GeneratedRegex(@"^-{3,}[ \t]*\r?$\n?", RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex Rule();

    [GeneratedRegex(@"^#{1,6}[ \t]+", RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex Heading();
}
