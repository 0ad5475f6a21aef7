using System.Collections.Concurrent;

namespace CoachBot.Coaching.Tests.Challenges;

/// <summary>The outbound port as a test double: records every post (with the clock's time) and can fail on demand.</summary>
public sealed class RecordingChannelMessenger(ChatPlatform platform, TimeProvider time) : IChannelMessenger, IDisposable
{
    private readonly SemaphoreSlim _posted = new(0);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ChatPlatform Platform { get; } = platform;

    public ConcurrentQueue<RecordedPost> Posts { get; } = new();

    /// <summary>Given the 1-based call number, returns an exception to throw instead of posting, or null to post.</summary>
    public Func<int, Exception?> FailOn { get; set; } = _ => null;

    public Task<string?> PostAsync(ConversationKey channel, Reply reply, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        if (FailOn(call) is { } failure)
        {
            throw failure;
        }

        Posts.Enqueue(new RecordedPost(channel, reply, time.GetUtcNow()));
        _posted.Release();
        return Task.FromResult<string?>("msg-" + call.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Waits until at least <paramref name="count"/> posts were recorded; the timeout only guards against a hang.</summary>
    public async Task WaitForPostsAsync(int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Posts.Count < count)
        {
            await _posted.WaitAsync(guard.Token);
        }
    }

    public void Dispose() => _posted.Dispose();
}
