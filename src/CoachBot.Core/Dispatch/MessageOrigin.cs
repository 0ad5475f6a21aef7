namespace CoachBot.Core.Dispatch;

/// <summary>How a free-text message reached the bot.</summary>
public enum MessageOrigin
{
    /// <summary>A private chat with the bot (a DM, or the terminal).</summary>
    Direct,

    /// <summary>A channel message that @mentions the bot.</summary>
    Mention,

    /// <summary>A reply inside a thread the bot is part of (no mention needed).</summary>
    ThreadReply,
}
