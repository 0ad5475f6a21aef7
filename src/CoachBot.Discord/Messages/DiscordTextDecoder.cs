using System.Text.RegularExpressions;
using CoachBot.Discord.Models;

namespace CoachBot.Discord.Messages;

/// <summary>
/// Turns Discord's markup in text people wrote (message content, string options, form fields) into the plain text the
/// core expects: a member mention (<c>&lt;@123&gt;</c>, legacy <c>&lt;@!123&gt;</c>) reads as <c>@name</c> when the event
/// names the member (a message's <c>mentions</c>), else <c>@123</c>; a role mention (<c>&lt;@&amp;123&gt;</c>) as
/// <c>@role</c>; a channel mention (<c>&lt;#123&gt;</c>) as <c>#123</c>. @everyone and @here are already plain words
/// (Slack's <c>&lt;!everyone&gt;</c> is decoded to the same) and stay as typed; renderers defuse them on the way out.
/// </summary>
public static partial class DiscordTextDecoder
{
    public static string ToPlain(string? text, IReadOnlyList<DiscordUser>? mentioned = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return Token().Replace(text, m =>
        {
            var id = m.Groups["id"].Value;
            return m.Groups["kind"].Value switch
            {
                "#" => "#" + id,
                "@&" => "@role",
                _ => "@" + (mentioned?.FirstOrDefault(u => u.Id == id) is { } user ? Plain(user.DisplayName) : id),
            };
        });
    }

    // A display name is the member's own text: keep it on one line and free of anything that reads as markup again.
    private static string Plain(string name)
    {
        var cleaned = new string(name.Where(c => !char.IsControl(c) && c is not ('<' or '>' or '@')).ToArray()).Trim();
        return cleaned.Length == 0 ? "someone" : cleaned;
    }

    [GeneratedRegex(@"<(?<kind>@!|@&|@|#)(?<id>[0-9]{1,20})>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Token();
}
