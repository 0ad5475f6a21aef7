namespace CoachBot.Core.Conversations;

/// <summary>
/// Identifies one conversation: a community (Discord guild, Slack workspace, or the terminal), a channel (or DM),
/// and optionally a thread inside it. Follow-ups, quizzes and interviews are keyed by this so threads keep their own state.
/// </summary>
public sealed record ConversationKey(ChatPlatform Platform, string CommunityId, string ChannelId, string? ThreadId = null)
{
    public static ConversationKey Terminal { get; } = new(ChatPlatform.Terminal, "local", "terminal");

    /// <summary>The same channel, inside the given thread.</summary>
    public ConversationKey InThread(string threadId) => this with { ThreadId = threadId };

    /// <summary>The channel this conversation lives in, without the thread.</summary>
    public ConversationKey Channel => this with { ThreadId = null };

    /// <summary>The community-wide key (per-community settings, leaderboards, budgets).</summary>
    public string CommunityKey => $"{Platform.ToString().ToLowerInvariant()}:{CommunityId}";

    /// <summary>A stable string form for storage and logs.</summary>
    public override string ToString() =>
        ThreadId is null
            ? $"{CommunityKey}/{ChannelId}"
            : $"{CommunityKey}/{ChannelId}/{ThreadId}";
}
