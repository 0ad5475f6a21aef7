using System.Collections.Concurrent;

namespace CoachBot.Coaching.Tests.Reminders;

/// <summary>A Discord direct-message stand-in shared by several hosts: records every DM, answers with <see cref="Outcome"/>.</summary>
public sealed class RecordingDirectMessenger : IDirectMessenger
{
    private readonly ConcurrentQueue<(string UserId, Reply Reply)> _sent = new();

    public ChatPlatform Platform => ChatPlatform.Discord;

    public DirectMessageOutcome Outcome { get; set; } = DirectMessageOutcome.Sent;

    public IReadOnlyList<(string UserId, Reply Reply)> Sent => _sent.ToArray();

    public Task<DirectMessageOutcome> SendAsync(string userId, Reply reply, CancellationToken cancellationToken)
    {
        _sent.Enqueue((userId, reply));
        return Task.FromResult(Outcome);
    }
}
