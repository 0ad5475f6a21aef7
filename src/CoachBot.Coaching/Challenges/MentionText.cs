using CoachBot.Core.Conversations;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// Checks a member or channel option in the core's neutral form: a platform id, as the adapters deliver it (Discord
/// user and channel options; Slack mentions and channel links decoded by the Slack adapter), or typed in the terminal
/// with a leading <c>@</c> or <c>#</c>. Platform token syntax (<c>&lt;@…&gt;</c>, <c>&lt;#…&gt;</c>) never reaches here: it
/// is refused like any other text that is not an id, and so are mass mentions (<c>@everyone</c>, <c>@here</c>).
/// </summary>
public static class MentionText
{
    private const int MaxIdLength = 64;

    public static bool TryParseUser(string? raw, out string userId)
    {
        userId = string.Empty;
        var text = (raw?.Trim() ?? string.Empty).TrimStart('@');
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
        var text = (raw?.Trim() ?? string.Empty).TrimStart('#');
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
