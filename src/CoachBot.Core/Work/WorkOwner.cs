using CoachBot.Core.Conversations;

namespace CoachBot.Core.Work;

/// <summary>
/// Who the current work is for: the community whose allowances it uses (<see cref="ConversationKey.QuotaKey"/>, so each
/// DM user outside a community is a community of their own) and the person. The dispatcher sets it for everything a
/// request's handler does, so shared resources deep below a feature (the model's request limit) can be fair between
/// communities and people without every call passing them along.
/// </summary>
public sealed record WorkOwner(string CommunityKey, string UserKey)
{
    private static readonly AsyncLocal<WorkOwner?> Ambient = new();

    /// <summary>Work done for no request (start-up, background jobs) shares this owner.</summary>
    public static WorkOwner Nobody { get; } = new("-", "-");

    /// <summary>
    /// The owner of the current work, or <see cref="Nobody"/>. Set it inside an async method: what that method awaits
    /// sees the owner, and its caller's context is left as it was.
    /// </summary>
    public static WorkOwner Current
    {
        get => Ambient.Value ?? Nobody;
        set => Ambient.Value = value;
    }

    public static WorkOwner Of(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(context.Conversation.QuotaKey(context.User.Key), context.User.Key);
    }
}
