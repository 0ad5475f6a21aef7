using System.Text.RegularExpressions;

namespace CoachBot.Discord.Rendering;

/// <summary>
/// Defuses Discord's ping syntax in text the bot sends, whoever wrote it (a feature, the model, a quoted question):
/// @everyone and @here get a zero-width space after the @, and user and role mentions (<c>&lt;@123&gt;</c>,
/// <c>&lt;@!123&gt;</c>, <c>&lt;@&amp;123&gt;</c>) read as "someone". This is the second wall: every message also carries
/// <c>allowed_mentions: {"parse": []}</c>. Other platforms' syntax means nothing here and is left as text.
/// </summary>
public static partial class MentionGuard
{
    private const string ZeroWidthSpace = "\u200B";

    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UserOrRoleMention().Replace(text, "someone")
            .Replace("@everyone", "@" + ZeroWidthSpace + "everyone", StringComparison.OrdinalIgnoreCase)
            .Replace("@here", "@" + ZeroWidthSpace + "here", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"<@[!&]?[0-9]+>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex UserOrRoleMention();
}
