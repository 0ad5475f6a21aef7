namespace CoachBot.Discord.Gateway;

/// <summary>
/// The ids of the last few thousand interactions and messages a shard handed on, so a copy of the same event (Discord
/// delivers at least once: a replay overlapping what was seen, or a duplicate under a new sequence number) is dropped
/// instead of being answered twice. Snowflakes never repeat, so the oldest ids simply make room for new ones.
/// </summary>
internal sealed class RecentEventIds(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen; false for a copy. Empty ids are never treated as copies.</summary>
    public bool TryAdd(string kind, string id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return true;
        }

        var key = kind + ":" + id;
        lock (_lock)
        {
            if (!_ids.Add(key))
            {
                return false;
            }

            _order.Enqueue(key);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
