namespace CoachBot.Discord.Gateway;

/// <summary>
/// Discord lets <c>max_concurrency</c> shards identify per 5 s, one per bucket <c>shard_id % max_concurrency</c>.
/// Shared by all shards of the process; resumes don't pass through it.
/// </summary>
public sealed class IdentifyGate
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly SemaphoreSlim[] _gates;
    private readonly DateTimeOffset[] _last;

    public IdentifyGate(int maxConcurrency, TimeSpan interval, TimeProvider time)
    {
        var buckets = Math.Max(1, maxConcurrency);
        _time = time;
        _interval = interval;
        _gates = Enumerable.Range(0, buckets).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        _last = Enumerable.Repeat(DateTimeOffset.MinValue, buckets).ToArray();
    }

    public async Task WaitTurnAsync(int shardId, CancellationToken ct)
    {
        var bucket = shardId % _gates.Length;
        await _gates[bucket].WaitAsync(ct);
        try
        {
            var next = _last[bucket] == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : _last[bucket] + _interval;
            var wait = next - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, ct);
            }

            _last[bucket] = _time.GetUtcNow();
        }
        finally
        {
            _gates[bucket].Release();
        }
    }
}
