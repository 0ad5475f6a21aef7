using System.Text.RegularExpressions;

namespace CoachBot.Slack.Rendering;

/// <summary>
/// Text for Slack's streaming methods, whose <c>markdown_text</c> is standard markdown rather than mrkdwn: the text is
/// kept as written (quotes, emphasis, lists), but every Slack control sequence that could ping or link a member or
/// channel (<c>&lt;!here&gt;</c>, <c>&lt;@U…&gt;</c>, <c>&lt;#C…&gt;</c>) and every bare broadcast word (<c>@here</c>,
/// <c>@channel</c>, <c>@everyone</c>) is broken with a zero-width space, so it shows but does nothing. Works piece by
/// piece: a sequence split across two appends is broken too, because each piece is made safe with its predecessor's
/// tail in view (<see cref="Delta"/>).
/// </summary>
public static partial class SlackStreamMarkdown
{
    private const string Breaker = "\u200B";

    /// <summary>The whole text made safe.</summary>
    public static string Safe(string markdown) =>
        string.IsNullOrEmpty(markdown) ? string.Empty : Broadcast().Replace(ControlSequence().Replace(markdown, "<" + Breaker + "$1"), "@" + Breaker + "$1");

    /// <summary>
    /// What to append when the text grew from <paramref name="sent"/> to <paramref name="now"/> (both as written): the
    /// safe form of the whole minus the safe form already sent; null when the new text does not extend what was sent
    /// (an append can't take anything back).
    /// </summary>
    public static string? Delta(string sent, string now)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(now);
        var safeSent = Safe(sent);
        var safeNow = Safe(now);
        return safeNow.StartsWith(safeSent, StringComparison.Ordinal) ? safeNow[safeSent.Length..] : null;
    }

    [GeneratedRegex(@"<([!@#])", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ControlSequence();

    [GeneratedRegex(@"@(here|channel|everyone)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Broadcast();
}
