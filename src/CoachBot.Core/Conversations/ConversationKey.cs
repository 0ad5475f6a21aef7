namespace CoachBot.Core.Conversations;

/// <summary>
/// Identifies one conversation: a community (Discord guild, Slack workspace, or the terminal), a channel (or DM),
/// and optionally a thread inside it. Follow-ups, quizzes and interviews are keyed by this so threads keep their own state.
/// </summary>
public sealed record ConversationKey(ChatPlatform Platform, string CommunityId, string ChannelId, string? ThreadId = null)
{
    /// <summary>
    /// The community id a platform uses for direct messages that belong to no community (Discord DMs have no guild).
    /// It is shared by every DM user, so nothing that must be fair between people may be keyed by it alone.
    /// </summary>
    public const string DirectCommunityId = "dm";

    public static ConversationKey Terminal { get; } = new(ChatPlatform.Terminal, "local", "terminal");

    /// <summary>The same channel, inside the given thread.</summary>
    public ConversationKey InThread(string threadId) => this with { ThreadId = threadId };

    /// <summary>The channel this conversation lives in, without the thread.</summary>
    public ConversationKey Channel => this with { ThreadId = null };

    /// <summary>The community-wide key (per-community settings, leaderboards, budgets).</summary>
    public string CommunityKey => $"{Platform.ToString().ToLowerInvariant()}:{CommunityId}";

    /// <summary>
    /// The key of the community-wide allowances (the per-community rate bucket, the daily LLM budget) for a request by
    /// <paramref name="userKey"/>: the <see cref="CommunityKey"/>, except in DMs outside any community
    /// (<see cref="DirectCommunityId"/>), where each user is a community of their own (<c>discord:dm/discord:123</c>),
    /// so one person cannot use up every DM user's allowance.
    /// </summary>
    public string QuotaKey(string userKey) =>
        CommunityId == DirectCommunityId ? $"{CommunityKey}/{userKey}" : CommunityKey;

    /// <summary>A stable string form for storage and logs.</summary>
    public override string ToString() =>
        ThreadId is null
            ? $"{CommunityKey}/{ChannelId}"
            : $"{CommunityKey}/{ChannelId}/{ThreadId}";
}
