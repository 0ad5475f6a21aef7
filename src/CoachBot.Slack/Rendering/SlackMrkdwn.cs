using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoachBot.Core.Replies.Formatting;

namespace CoachBot.Slack.Rendering;

/// <summary>
/// Turns the core's Markdown into Slack mrkdwn, escaping <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> in every piece of text so
/// nothing a person or the model wrote can become a mention, a broadcast (<c>&lt;!channel&gt;</c>) or a hidden link.
/// The only <c>&lt;…&gt;</c> sequences it emits are http(s)/mailto links built from Markdown links.
/// </summary>
public static partial class SlackMrkdwn
{
    private const char BoldMark = '\u0001';

    /// <summary>Escapes text for any mrkdwn field: the three characters Slack treats as control characters.</summary>
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text)
            ? string.Empty
            : text.Replace("&", "&amp;", StringComparison.Ordinal)
                .Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Last line of defence on finished mrkdwn: removes any broadcast or user-group mention that slipped through
    /// (<c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;!everyone&gt;</c>, <c>&lt;!subteam^…&gt;</c>).
    /// </summary>
    public static string Neutralise(string text) =>
        string.IsNullOrEmpty(text) ? string.Empty : SpecialMention().Replace(text, m => Escape(m.Value));

    /// <summary>Converts Markdown (headings, bold, italics, strike, code, links, lists, quotes) to escaped mrkdwn.</summary>
    public static string FromMarkdown(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }

        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(BoldMark.ToString(), string.Empty, StringComparison.Ordinal).Split('\n');
        var output = new StringBuilder(markdown.Length + 16);
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                output.Append('\n');
            }

            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                // Slack ignores the language tag and would show it as text.
                output.Append("```");
                continue;
            }

            if (inFence)
            {
                output.Append(Escape(line));
                continue;
            }

            output.Append(ConvertLine(line));
        }

        if (inFence)
        {
            output.Append("\n```");
        }

        return Neutralise(output.ToString());
    }

    /// <summary>Markdown to plain, escaped text for the notification fallback (no formatting marks).</summary>
    public static string PlainFallback(string? markdown, int maxLength)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }

        var text = MarkdownLink().Replace(markdown, m => m.Groups["text"].Value);
        text = WithoutFormattingMarks(text);
        text = HeadingMark().Replace(text, string.Empty);
        text = string.Join(' ', text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (text.Length > maxLength)
        {
            text = Core.Safety.InputText.Truncate(text, maxLength - 1) + "…";
        }

        return Escape(text);
    }

    /// <summary>
    /// Drops emphasis and code marks for plain text: <c>**</c>, <c>__</c>, <c>~~</c>, a backtick, and a single <c>*</c> or
    /// <c>_</c> that opens (no word character before, text after) or closes (text before, no word character after) a span,
    /// so snake_case keeps its underscore. One scan, no regex: a regex needs lookarounds here, and with them a timeout
    /// that a long input on a busy machine could trip.
    /// </summary>
    private static string WithoutFormattingMarks(string text)
    {
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i + 1 < text.Length && text[i + 1] == c && c is '*' or '_' or '~')
            {
                i++;
                continue;
            }

            if (c == '`')
            {
                continue;
            }

            if (c is '*' or '_')
            {
                var opens = (i == 0 || !IsWordChar(text[i - 1])) && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
                var closes = i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 >= text.Length || !IsWordChar(text[i + 1]));
                if (opens || closes)
                {
                    continue;
                }
            }

            output.Append(c);
        }

        return output.ToString();
    }

    private static string ConvertLine(string line)
    {
        if (MarkdownLines.TryHeading(line, out var heading))
        {
            var title = heading.Trim().Trim('*', '_').Trim();
            return title.Length == 0 ? string.Empty : "*" + ConvertInline(title).Replace("*", string.Empty, StringComparison.Ordinal) + "*";
        }

        var bullet = Bullet().Match(line);
        if (bullet.Success)
        {
            return bullet.Groups["indent"].Value + "• " + ConvertInline(bullet.Groups["text"].Value);
        }

        var quote = Quote().Match(line);
        if (quote.Success)
        {
            // "&gt; " at line start is how Slack itself writes a quote.
            return "&gt; " + ConvertInline(quote.Groups["text"].Value);
        }

        if (MarkdownLines.IsHorizontalRule(line))
        {
            return "───";
        }

        return ConvertInline(line);
    }

    /// <summary>Inline spans: code kept verbatim (escaped), links rebuilt as &lt;url|text&gt;, emphasis converted.</summary>
    private static string ConvertInline(string text)
    {
        var output = new StringBuilder(text.Length + 8);
        var position = 0;
        foreach (Match code in InlineCode().Matches(text))
        {
            output.Append(ConvertProse(text[position..code.Index]));
            output.Append('`').Append(Escape(code.Groups["code"].Value)).Append('`');
            position = code.Index + code.Length;
        }

        output.Append(ConvertProse(text[position..]));
        return output.ToString();
    }

    private static string ConvertProse(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length + 8);
        var position = 0;
        foreach (Match link in MarkdownLink().Matches(text))
        {
            output.Append(ConvertEmphasis(text[position..link.Index]));
            var url = link.Groups["url"].Value;
            var label = ConvertEmphasis(link.Groups["text"].Value).Replace("|", "¦", StringComparison.Ordinal);
            output.Append('<').Append(Escape(url).Replace("|", "%7C", StringComparison.Ordinal)).Append('|').Append(label).Append('>');
            position = link.Index + link.Length;
        }

        output.Append(ConvertEmphasis(text[position..]));
        return output.ToString();
    }

    private static string ConvertEmphasis(string text)
    {
        var escaped = Escape(text);
        escaped = BoldStars().Replace(escaped, m => BoldMark + m.Groups["text"].Value + BoldMark);
        var underscored = escaped;
        escaped = BoldUnderscores().Replace(underscored, m => StandsAlone(underscored, m, '_') ? BoldMark + m.Groups["text"].Value + BoldMark : m.Value);
        var starred = escaped;
        escaped = ItalicStar().Replace(starred, m => StandsAlone(starred, m, '*') ? "_" + m.Groups["text"].Value + "_" : m.Value);
        escaped = Strike().Replace(escaped, m => "~" + m.Groups["text"].Value + "~");
        return escaped.Replace(BoldMark, '*');
    }

    /// <summary>
    /// The emphasis mark is not glued to a word or another mark on either side. Checked here rather than with
    /// lookarounds so the patterns can run on the linear-time engine.
    /// </summary>
    private static bool StandsAlone(string text, Match match, char mark)
    {
        var start = match.Index;
        var end = match.Index + match.Length;
        return (start == 0 || !IsGlue(text[start - 1], mark)) && (end >= text.Length || !IsGlue(text[end], mark));
    }

    private static bool IsGlue(char c, char mark) => c == mark || IsWordChar(c);

    // The regex \w class: letters, digits, marks and connector punctuation (which includes '_').
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;

    // Every pattern here sees model and user text, so all run on the linear-time engine (no lookarounds, no
    // backreferences): a pathological line costs time proportional to its length, never more.
    private const RegexOptions Linear = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    [GeneratedRegex(@"<!(?:channel|here|everyone|group|subteam\^)[^>]*>|<!subteam[^>]*>", RegexOptions.IgnoreCase | Linear)]
    private static partial Regex SpecialMention();

    [GeneratedRegex(@"^(?<indent>\s*)[-*+]\s+(?<text>.*)$", Linear)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s{0,3}>\s?(?<text>.*)$", Linear)]
    private static partial Regex Quote();

    [GeneratedRegex(@"`(?<code>[^`\n]+)`", Linear)]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[(?<text>[^\]\n]+)\]\((?<url>(?:https?://|mailto:)[^\s()<>]+)\)", RegexOptions.IgnoreCase | Linear)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\*\*(?<text>[^*\n]+?)\*\*", Linear)]
    private static partial Regex BoldStars();

    [GeneratedRegex(@"__(?<text>[^_\n]+?)__", Linear)]
    private static partial Regex BoldUnderscores();

    [GeneratedRegex(@"\*(?<text>[^*\s](?:[^*\n]*?[^*\s])?)\*", Linear)]
    private static partial Regex ItalicStar();

    [GeneratedRegex(@"~~(?<text>[^~\n]+?)~~", Linear)]
    private static partial Regex Strike();

    [GeneratedRegex(@"(?m)^[ \t]{0,3}#{1,6}[ \t]+", Linear)]
    private static partial Regex HeadingMark();
}
