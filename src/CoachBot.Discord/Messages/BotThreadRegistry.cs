using System.Collections.Concurrent;

namespace CoachBot.Discord.Messages;

/// <summary>
/// The threads the bot started (thread id → parent channel id), so replies in them are answered without a mention
/// and keep their conversation memory. Filled when the bot creates a thread and from THREAD_CREATE / GUILD_CREATE
/// events for threads it owns (which restores it after a restart).
/// </summary>
public sealed class BotThreadRegistry
{
    private const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, string> _parents = new(StringComparer.Ordinal);

    public int Count => _parents.Count;

    public void Add(string threadId, string parentChannelId)
    {
        if (_parents.Count >= Capacity)
        {
            // Crude but bounded: forget an arbitrary old entry; a forgotten thread only needs a mention again.
            foreach (var key in _parents.Keys.Take(Capacity / 10))
            {
                _parents.TryRemove(key, out _);
            }
        }

        _parents[threadId] = parentChannelId;
    }

    public bool TryGetParent(string channelId, out string parentChannelId) =>
        _parents.TryGetValue(channelId, out parentChannelId!);
}
