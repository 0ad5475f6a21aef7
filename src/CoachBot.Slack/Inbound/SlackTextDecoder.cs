using System.Text.RegularExpressions;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Turns Slack's escaped message text into the plain text the core expects: <c>&lt;@U1&gt;</c> → "@U1",
/// <c>&lt;#C1|general&gt;</c> → "#general", <c>&lt;!channel&gt;</c> → "@channel" (inert words, never re-emitted as a
/// ping), <c>&lt;url|label&gt;</c> → "label (url)", and &amp;amp; &amp;lt; &amp;gt; unescaped.
/// </summary>
public static partial class SlackTextDecoder
{
    /// <summary>Removes the bot's own leading/inline mention (<c>&lt;@UBOT&gt;</c> or <c>&lt;@UBOT|name&gt;</c>).</summary>
    public static string StripMention(string? text, string? botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var stripped = botUserId is null
            ? LeadingMention().Replace(text, string.Empty, 1)
            : text.Replace("<@" + botUserId + ">", string.Empty, StringComparison.Ordinal);
        if (botUserId is not null)
        {
            stripped = Regex.Replace(stripped, "<@" + Regex.Escape(botUserId) + @"\|[^>]*>", string.Empty, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return stripped.Trim();
    }

    public static string ToPlain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var plain = Token().Replace(text, m =>
        {
            var body = m.Groups["body"].Value;
            var pipe = body.IndexOf('|', StringComparison.Ordinal);
            var target = pipe < 0 ? body : body[..pipe];
            var label = pipe < 0 ? null : body[(pipe + 1)..];
            if (target.Length == 0)
            {
                // "<|x>" is no Slack token (Slack escapes a typed '<'); keep it as the text it is.
                return m.Value;
            }

            return target[0] switch
            {
                '@' => "@" + (label ?? target[1..]),
                '#' => "#" + (label ?? target[1..]),
                '!' => "@" + (label ?? target[1..].Split('^')[0]),
                _ => label is null || label == target ? target : label + " (" + target + ")",
            };
        });
        return plain.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"<(?<body>[^<>\s][^<>]*)>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Token();
}
