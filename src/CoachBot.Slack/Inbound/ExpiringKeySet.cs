namespace CoachBot.Slack.Inbound;

/// <summary>
/// A bounded set of keys that expire after a time to live (by the injected clock): the dedupe cache for re-delivered
/// events and the list of threads the bot takes part in. When full, the oldest keys go first. Every key has exactly one
/// entry in the expiry order (a touch moves it to the end), so memory stays bounded by the capacity however often an
/// existing key is touched.
/// </summary>
public sealed class ExpiringKeySet(TimeProvider timeProvider, TimeSpan timeToLive, int capacity)
{
    // Oldest expiry first: the time to live is the same for every key and the clock only moves forward, so appending
    // keeps the list sorted and expired keys are always at the head.
    private readonly LinkedList<Entry> _order = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Adds the key; false when it was already present and unexpired (a duplicate).</summary>
    public bool TryAdd(string key)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            Prune(now);
            if (_entries.TryGetValue(key, out var existing) && existing.Value.Expires > now)
            {
                return false;
            }

            Put(key, now);
            return true;
        }
    }

    /// <summary>Adds the key, or extends its life to a full time to live from now.</summary>
    public void Touch(string key)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            Prune(now);
            Put(key, now);
        }
    }

    public bool Contains(string key)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            return _entries.TryGetValue(key, out var node) && node.Value.Expires > now;
        }
    }

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

    private void Put(string key, DateTimeOffset now)
    {
        if (_entries.Remove(key, out var old))
        {
            _order.Remove(old);
        }

        _entries[key] = _order.AddLast(new Entry(key, now + timeToLive));
        while (_entries.Count > capacity && _order.First is { } oldest)
        {
            _order.RemoveFirst();
            _entries.Remove(oldest.Value.Key);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_order.First is { } head && head.Value.Expires <= now)
        {
            _order.RemoveFirst();
            _entries.Remove(head.Value.Key);
        }
    }

    private readonly record struct Entry(string Key, DateTimeOffset Expires);
}
