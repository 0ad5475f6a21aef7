using System.Collections.Concurrent;

namespace CoachBot.Core.Limits;

/// <summary>
/// <see cref="IWindowCounters"/> in this process's memory: exact for one process, per process with several. A counter
/// is dropped once its window and the next one are over.
/// </summary>
public sealed class InProcessWindowCounters : IWindowCounters
{
    private readonly ConcurrentDictionary<(string Key, long Start), Counter> _counters = new();
    private long _lastSweep;

    public ValueTask<IReadOnlyList<WindowCount>> IncrementAsync(
        IReadOnlyList<string> keys, DateTimeOffset windowStart, TimeSpan windowLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var start = windowStart.ToUnixTimeMilliseconds();
        var length = (long)windowLength.TotalMilliseconds;
        Sweep(start, length);
        var counts = new WindowCount[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var current = _counters.GetOrAdd((keys[i], start), static (_, expires) => new Counter(expires), start + (2 * length)).Increment();
            var previous = _counters.TryGetValue((keys[i], start - length), out var before) ? before.Value : 0;
            counts[i] = new WindowCount(current, previous);
        }

        return ValueTask.FromResult<IReadOnlyList<WindowCount>>(counts);
    }

    public ValueTask<long> ReadAsync(string key, DateTimeOffset windowStart, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_counters.TryGetValue((key, windowStart.ToUnixTimeMilliseconds()), out var counter) ? counter.Value : 0);

    /// <summary>At most once per window length, drops the counters whose window and the one after it are over.</summary>
    private void Sweep(long now, long length)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last < length || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (key, counter) in _counters)
        {
            if (counter.ExpiresAt <= now)
            {
                _counters.TryRemove(key, out _);
            }
        }
    }

    private sealed class Counter(long expiresAt)
    {
        public long ExpiresAt { get; } = expiresAt;

        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public long Increment() => Interlocked.Increment(ref _value);
    }
}
