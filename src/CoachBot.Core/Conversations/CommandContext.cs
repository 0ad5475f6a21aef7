namespace CoachBot.Core.Conversations;

/// <summary>
/// Who is asking and where. Built by an adapter from the platform's event; the adapter decides
/// <see cref="IsModerator"/> from platform permissions (Discord: Manage Server or a configured role; Slack: configured
/// users or user group; terminal: always), and the dispatcher checks it again on every moderator command.
/// </summary>
public sealed record CommandContext
{
    public required UserIdentity User { get; init; }

    public required ConversationKey Conversation { get; init; }

    public bool IsModerator { get; init; }

    /// <summary>Platform role ids or names the caller holds, for features that need them.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Ties together every log line of one interaction.</summary>
    public string CorrelationId { get; init; } = Guid.NewGuid().ToString("N")[..12];

    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>True when the conversation is a private chat with the bot (a DM or the terminal).</summary>
    public bool IsDirect { get; init; }

    /// <summary>
    /// True when the caller is the operator at the bot's own console (the adapter says so: the terminal chat and the
    /// command-line verbs). One person on their own machine: rate limits don't apply to them.
    /// </summary>
    public bool IsLocalOperator { get; init; }
}
