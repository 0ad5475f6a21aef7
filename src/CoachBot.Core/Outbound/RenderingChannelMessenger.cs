using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;

namespace CoachBot.Core.Outbound;

/// <summary>
/// The posting loop every platform shares for an unsolicited reply: render it into the platform's messages (a long
/// reply is several), post them in order, and return the first one's id. After the first post a platform may move the
/// rest elsewhere (Discord opens a thread from it for a reply placed in a thread).
/// </summary>
/// <param name="platform">The platform whose conversations this messenger posts into.</param>
/// <param name="render">The platform's renderer: one reply into the messages that carry it.</param>
public abstract class RenderingChannelMessenger<TMessage>(ChatPlatform platform, Func<Reply, IReadOnlyList<TMessage>> render) : IChannelMessenger
{
    public ChatPlatform Platform => platform;

    public async Task<string?> PostAsync(ConversationKey channel, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(reply);
        if (channel.Platform != Platform)
        {
            throw new ArgumentException($"{channel} is not a {Platform} conversation.", nameof(channel));
        }

        var target = channel;
        string? first = null;
        foreach (var message in render(reply))
        {
            var id = await PostOneAsync(target, message, first, cancellationToken);
            if (first is null && id is not null)
            {
                first = id;
                target = await AfterFirstPostAsync(target, first, reply, cancellationToken);
            }
        }

        return first;
    }

    /// <summary>Posts one message; returns its id. <paramref name="firstId"/> is the first message's id once it was posted.</summary>
    protected abstract Task<string?> PostOneAsync(ConversationKey target, TMessage message, string? firstId, CancellationToken cancellationToken);

    /// <summary>Where the remaining messages go once the first was posted (the same place unless overridden).</summary>
    protected virtual Task<ConversationKey> AfterFirstPostAsync(ConversationKey target, string firstId, Reply reply, CancellationToken cancellationToken) =>
        Task.FromResult(target);
}
