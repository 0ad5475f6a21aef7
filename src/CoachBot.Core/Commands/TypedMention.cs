namespace CoachBot.Core.Commands;

/// <summary>
/// How a typed command line (the terminal) names a member or a channel: by its id, optionally after <c>@</c> (a member)
/// or <c>#</c> (a channel). Adapters with a syntax of their own (Discord's user and channel options, Slack's member and
/// channel links) decode that instead and never rely on this. A word that names a group rather than one member
/// ("everyone", "here", "channel") is never read as a member id.
/// </summary>
public static class TypedMention
{
    private const int MaxIdLength = 64;

    public static bool TryRead(string? text, CommandOptionType type, out string id)
    {
        id = string.Empty;
        var prefix = type switch
        {
            CommandOptionType.User => '@',
            CommandOptionType.Channel => '#',
            _ => (char?)null,
        };
        if (prefix is not { } mark)
        {
            return false;
        }

        var candidate = text?.Trim() ?? string.Empty;
        if (candidate.StartsWith(mark))
        {
            candidate = candidate[1..];
        }

        if (!IsId(candidate) || (type == CommandOptionType.User && IsGroupWord(candidate)))
        {
            return false;
        }

        id = candidate;
        return true;
    }

    private static bool IsGroupWord(string text) =>
        text.Equals("everyone", StringComparison.OrdinalIgnoreCase)
        || text.Equals("here", StringComparison.OrdinalIgnoreCase)
        || text.Equals("channel", StringComparison.OrdinalIgnoreCase);

    private static bool IsId(string text) =>
        text.Length is > 0 and <= MaxIdLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
