namespace CoachBot.Slack.Inbound;

/// <summary>
/// A bounded set of keys that expire after a time to live (by the injected clock): the dedupe cache for re-delivered
/// events and the list of threads the bot takes part in. When full, the oldest keys go first.
/// </summary>
public sealed class ExpiringKeySet(TimeProvider timeProvider, TimeSpan timeToLive, int capacity)
{
    private readonly Dictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expires)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Adds the key; false when it was already present and unexpired (a duplicate).</summary>
    public bool TryAdd(string key)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            Prune(now);
            if (_expiry.TryGetValue(key, out var expires) && expires > now)
            {
                return false;
            }

            var until = now + timeToLive;
            _expiry[key] = until;
            _order.Enqueue((key, until));
            while (_expiry.Count > capacity && _order.TryDequeue(out var oldest))
            {
                if (_expiry.TryGetValue(oldest.Key, out var current) && current == oldest.Expires)
                {
                    _expiry.Remove(oldest.Key);
                }
            }

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
            var until = now + timeToLive;
            _expiry[key] = until;
            _order.Enqueue((key, until));
            while (_expiry.Count > capacity && _order.TryDequeue(out var oldest))
            {
                if (_expiry.TryGetValue(oldest.Key, out var current) && current == oldest.Expires)
                {
                    _expiry.Remove(oldest.Key);
                }
            }
        }
    }

    public bool Contains(string key)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            return _expiry.TryGetValue(key, out var expires) && expires > now;
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _expiry.Count;
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_order.TryPeek(out var head) && head.Expires <= now)
        {
            _order.Dequeue();
            if (_expiry.TryGetValue(head.Key, out var current) && current == head.Expires)
            {
                _expiry.Remove(head.Key);
            }
        }
    }
}
