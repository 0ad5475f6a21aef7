using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;

namespace CoachBot.Core.Outbound;

/// <summary>
/// Sends a member a direct message nobody asked for right then (a reminder they opted into). Each adapter implements it
/// for its platform; <see cref="DirectMessengers"/> picks the right one. Never posts in a channel.
/// </summary>
public interface IDirectMessenger
{
    ChatPlatform Platform { get; }

    /// <summary>
    /// <see cref="DirectMessageOutcome.Blocked"/> when the platform says the member cannot be messaged (DMs closed, the
    /// bot blocked, the account gone); throws for anything else (a transient failure).
    /// </summary>
    Task<DirectMessageOutcome> SendAsync(string userId, Reply reply, CancellationToken cancellationToken);
}

public enum DirectMessageOutcome
{
    Sent,

    /// <summary>The platform refuses DMs to this member for good: stop sending.</summary>
    Blocked,
}
