using System.Text.RegularExpressions;

namespace CoachBot.Ai.Answers;

/// <summary>
/// Neutralises mass and targeted pings in generated text before it leaves the coach: @everyone/@here, Slack's
/// &lt;!channel&gt;/&lt;!here&gt;/&lt;!everyone&gt;/&lt;!subteam^…&gt;, and Discord or Slack user and role mentions
/// (&lt;@123&gt;, &lt;@!123&gt;, &lt;@&amp;123&gt;, &lt;@U123&gt;). Adapters also send with "ping nobody"; this is the second wall.
/// </summary>
public static partial class MentionSanitizer
{
    [GeneratedRegex(@"@(everyone|here|channel)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MassMention();

    [GeneratedRegex(@"<!(channel|here|everyone|subteam\^[^>]*)(\|[^>]*)?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SlackSpecialMention();

    [GeneratedRegex(@"<@[!&]?[A-Za-z0-9]+(\|[^>]*)?>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex UserOrRoleMention();

    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = SlackSpecialMention().Replace(text, m => m.Groups[1].Value.Split('^')[0].ToLowerInvariant());
        cleaned = UserOrRoleMention().Replace(cleaned, "someone");
        return MassMention().Replace(cleaned, m => m.Groups[1].Value);
    }
}
