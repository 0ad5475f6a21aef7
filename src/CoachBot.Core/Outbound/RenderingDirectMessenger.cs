using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;

namespace CoachBot.Core.Outbound;

/// <summary>
/// The direct-message loop every platform shares: open the member's DM channel, render the reply into the platform's
/// messages and post them in order. A platform says which of its errors mean the member cannot be messaged for good.
/// </summary>
/// <param name="platform">The platform whose members this messenger writes to.</param>
/// <param name="render">The platform's renderer: one reply into the messages that carry it.</param>
public abstract class RenderingDirectMessenger<TMessage>(ChatPlatform platform, Func<Reply, IReadOnlyList<TMessage>> render) : IDirectMessenger
{
    public ChatPlatform Platform => platform;

    public async Task<DirectMessageOutcome> SendAsync(string userId, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(reply);
        try
        {
            var channelId = await OpenChannelAsync(userId, cancellationToken);
            foreach (var message in render(reply))
            {
                await PostAsync(channelId, message, cancellationToken);
            }

            return DirectMessageOutcome.Sent;
        }
        catch (Exception ex) when (IsBlocked(ex))
        {
            return DirectMessageOutcome.Blocked;
        }
    }

    /// <summary>Opens (or finds) the DM channel with the member; returns its id.</summary>
    protected abstract Task<string> OpenChannelAsync(string userId, CancellationToken cancellationToken);

    protected abstract Task PostAsync(string channelId, TMessage message, CancellationToken cancellationToken);

    /// <summary>True for the platform's errors that mean: stop sending this member DMs.</summary>
    protected abstract bool IsBlocked(Exception exception);
}
