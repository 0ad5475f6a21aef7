using System.Collections.Concurrent;

namespace CoachBot.Slack.Api;

/// <summary>
/// Keeps chat.postMessage to about one message per second per channel (Slack's documented pace). Callers for the same
/// channel queue on a gate and each waits until the interval since the previous post has passed; nothing is dropped.
/// </summary>
public sealed class ChannelMessageLimiter(TimeProvider timeProvider, TimeSpan interval)
{
    private readonly ConcurrentDictionary<string, ChannelGate> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the channel's turn; dispose the result after the post so the next caller's clock starts.</summary>
    public async Task<IDisposable> WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(channel, _ => new ChannelGate());
        await gate.Lock.WaitAsync(cancellationToken);
        try
        {
            if (gate.LastPost is { } last)
            {
                var wait = last + interval - timeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, cancellationToken);
                }
            }
        }
        catch
        {
            gate.Lock.Release();
            throw;
        }

        return new Turn(gate, timeProvider);
    }

    private sealed class ChannelGate
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public DateTimeOffset? LastPost { get; set; }
    }

    private sealed class Turn(ChannelGate gate, TimeProvider timeProvider) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.LastPost = timeProvider.GetUtcNow();
                gate.Lock.Release();
            }
        }
    }
}
