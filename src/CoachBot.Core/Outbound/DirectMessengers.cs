namespace CoachBot.Core.Outbound;

/// <summary>Routes direct messages to the adapter of the member's platform.</summary>
public sealed class DirectMessengers(IEnumerable<IDirectMessenger> messengers)
{
    private readonly Dictionary<Conversations.ChatPlatform, IDirectMessenger> _byPlatform = messengers.ToDictionary(m => m.Platform);

    public bool Supports(Conversations.ChatPlatform platform) => _byPlatform.ContainsKey(platform);

    public Task<DirectMessageOutcome> SendAsync(Conversations.ChatPlatform platform, string userId, Replies.Reply reply, CancellationToken cancellationToken) =>
        _byPlatform.TryGetValue(platform, out var messenger)
            ? messenger.SendAsync(userId, reply, cancellationToken)
            : throw new InvalidOperationException($"No adapter is running for {platform}; cannot send a direct message.");
}
