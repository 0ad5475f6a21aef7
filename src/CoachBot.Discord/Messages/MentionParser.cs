using CoachBot.Discord.Models;

namespace CoachBot.Discord.Messages;

/// <summary>Finds and removes the bot's own mention (<c>&lt;@id&gt;</c> or legacy <c>&lt;@!id&gt;</c>).</summary>
public static class MentionParser
{
    public static bool MentionsUser(DiscordMessage message, string userId)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Mentions.Any(u => u.Id == userId)
            || (message.Content is { } content
                && (content.Contains($"<@{userId}>", StringComparison.Ordinal) || content.Contains($"<@!{userId}>", StringComparison.Ordinal)));
    }

    public static string StripMention(string content, string userId)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content
            .Replace($"<@!{userId}>", string.Empty, StringComparison.Ordinal)
            .Replace($"<@{userId}>", string.Empty, StringComparison.Ordinal)
            .Trim();
    }
}
