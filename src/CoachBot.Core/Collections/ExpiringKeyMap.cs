namespace CoachBot.Core.Collections;

/// <summary>
/// A bounded map whose keys expire a time to live after they were last set (by the injected clock): the adapters'
/// "recently seen" memories (event ids already handed on, deliveries already answered, threads the bot takes part in).
/// When full, the least recently set key goes first. Every key has exactly one entry in the expiry order (setting it
/// again moves it to the end), so memory stays bounded by the capacity however often a key is set.
/// </summary>
public class ExpiringKeyMap<TValue>
{
    // Oldest expiry first: the time to live is the same for every key and the clock only moves forward, so appending
    // keeps the list sorted and both expired keys and the least recently set key are at the head.
    private readonly LinkedList<Entry> _order = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeToLive;
    private readonly int _capacity;

    public ExpiringKeyMap(TimeProvider timeProvider, TimeSpan timeToLive, int capacity)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _timeProvider = timeProvider;
        _timeToLive = timeToLive;
        _capacity = capacity;
    }

    /// <summary>Adds the key with its value; false (and nothing changes) when it is already present and unexpired.</summary>
    public bool TryAdd(string key, TValue value)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            RemoveOldest(now);
            if (_entries.ContainsKey(key))
            {
                return false;
            }

            Put(key, value, now);
            return true;
        }
    }

    /// <summary>Adds the key or replaces its value, and gives it a full time to live from now.</summary>
    public void Set(string key, TValue value)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            RemoveOldest(now);
            Put(key, value, now);
        }
    }

    public bool TryGetValue(string key, out TValue value)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node) && node.Value.Expires > now)
            {
                value = node.Value.Value;
                return true;
            }

            value = default!;
            return false;
        }
    }

    public bool Contains(string key) => TryGetValue(key, out _);

    /// <summary>Keys held, expired ones not yet removed included.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Entries in the expiry order (tests check it never outgrows the keys).</summary>
    internal int OrderEntries
    {
        get
        {
            lock (_lock)
            {
                return _order.Count;
            }
        }
    }

    private void Put(string key, TValue value, DateTimeOffset now)
    {
        if (_entries.Remove(key, out var old))
        {
            _order.Remove(old);
        }

        _entries[key] = _order.AddLast(new Entry(key, value, now + _timeToLive));
        RemoveOldest(now);
    }

    /// <summary>Drops keys from the head while they are expired or the map is over its capacity.</summary>
    private void RemoveOldest(DateTimeOffset now)
    {
        while (_order.First is { } head && (head.Value.Expires <= now || _entries.Count > _capacity))
        {
            _order.RemoveFirst();
            _entries.Remove(head.Value.Key);
        }
    }

    private readonly record struct Entry(string Key, TValue Value, DateTimeOffset Expires);
}
