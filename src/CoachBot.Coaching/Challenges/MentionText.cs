using CoachBot.Core.Conversations;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// Normalises how a member or channel arrives in an option: a plain platform id (Discord options), a Slack escape
/// (<c>&lt;@U123|ana&gt;</c>, <c>&lt;#C123|general&gt;</c>) or a Discord mention (<c>&lt;@!123&gt;</c>). Mass mentions
/// (<c>@everyone</c>, <c>@here</c>, <c>&lt;!channel&gt;</c>) and role mentions are refused.
/// </summary>
public static class MentionText
{
    private const int MaxIdLength = 64;

    public static bool TryParseUser(string? raw, out string userId)
    {
        userId = string.Empty;
        var text = raw?.Trim() ?? string.Empty;
        if (text.StartsWith("<@", StringComparison.Ordinal) && text.EndsWith('>'))
        {
            text = text[2..^1];
            if (text.StartsWith('&'))
            {
                return false; // a role, not a member
            }

            text = text.TrimStart('!');
        }
        else
        {
            text = text.TrimStart('@');
        }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar >= 0)
        {
            text = text[..bar];
        }

        if (IsMassMention(text) || !IsId(text))
        {
            return false;
        }

        userId = text;
        return true;
    }

    public static bool TryParseChannel(string? raw, out string channelId)
    {
        channelId = string.Empty;
        var text = raw?.Trim() ?? string.Empty;
        if (text.StartsWith("<#", StringComparison.Ordinal) && text.EndsWith('>'))
        {
            text = text[2..^1];
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar >= 0)
            {
                text = text[..bar];
            }
        }

        if (!IsId(text))
        {
            return false;
        }

        channelId = text;
        return true;
    }

    /// <summary>The storage key of a member of <paramref name="platform"/>: the same string <see cref="UserIdentity.Key"/> gives.</summary>
    public static string UserKey(ChatPlatform platform, string userId) => new UserIdentity(platform, userId, userId).Key;

    private static bool IsMassMention(string text) =>
        text.Equals("everyone", StringComparison.OrdinalIgnoreCase)
        || text.Equals("here", StringComparison.OrdinalIgnoreCase)
        || text.Equals("channel", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith('!');

    private static bool IsId(string text) =>
        text.Length is > 0 and <= MaxIdLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
