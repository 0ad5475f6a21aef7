namespace CoachBot.Discord.Gateway;

/// <summary>
/// Discord allows 120 gateway sends per connection per 60 s (more closes the connection with 4008). Ordinary sends may
/// use 110 of them so heartbeats always have room.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int HeartbeatReserve = 10;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();

    public async Task WaitAsync(bool heartbeat, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek() <= now - Window)
                {
                    _sent.Dequeue();
                }

                var limit = heartbeat ? Limit : Limit - HeartbeatReserve;
                if (_sent.Count < limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = _sent.ElementAt(_sent.Count - limit) + Window - now;
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, ct);
        }
    }
}
