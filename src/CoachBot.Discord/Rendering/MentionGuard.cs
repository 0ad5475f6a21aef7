namespace CoachBot.Discord.Rendering;

/// <summary>
/// Makes @everyone and @here inert in text the bot sends (a zero-width space after the @), on top of
/// <c>allowed_mentions: {"parse": []}</c>, so a quoted question can't even look like a mass ping.
/// </summary>
public static class MentionGuard
{
    private const string ZeroWidthSpace = "\u200B";

    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text
            .Replace("@everyone", "@" + ZeroWidthSpace + "everyone", StringComparison.OrdinalIgnoreCase)
            .Replace("@here", "@" + ZeroWidthSpace + "here", StringComparison.OrdinalIgnoreCase);
    }
}
