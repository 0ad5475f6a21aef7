using Microsoft.Extensions.Options;

namespace CoachBot.Core.Conversations.Memory;

/// <summary>
/// Conversation memory in process: at most <see cref="ConversationMemoryOptions.MaxTurns"/> turns per person and
/// conversation, at most <see cref="ConversationMemoryOptions.MaxConversations"/> conversations (least recently used
/// dropped), and conversations idle longer than <see cref="ConversationMemoryOptions.IdleMinutes"/> forgotten.
/// Used where there is no storage (the database implementation replaces it when storage is configured).
/// </summary>
public sealed class InMemoryConversationMemory(IOptions<ConversationMemoryOptions> options, TimeProvider time) : IConversationMemory
{
    private readonly ConversationMemoryOptions _options = options.Value;
    private readonly Dictionary<(ConversationKey, string), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public Task<IReadOnlyList<ConversationTurn>> RecentAsync(ConversationKey conversation, string userKey, CancellationToken cancellationToken) =>
        Task.FromResult(Recent(conversation, userKey));

    public Task RememberAsync(ConversationKey conversation, string userKey, ConversationTurn turn, CancellationToken cancellationToken)
    {
        Remember(conversation, userKey, turn);
        return Task.CompletedTask;
    }

    public Task ForgetAsync(ConversationKey conversation, string userKey, CancellationToken cancellationToken)
    {
        Forget(conversation, userKey);
        return Task.CompletedTask;
    }

    public IReadOnlyList<ConversationTurn> Recent(ConversationKey conversation, string userKey)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var found = Find(conversation, userKey, now);
            if (found is null && conversation.ThreadId is not null)
            {
                found = Find(conversation.Channel, userKey, now);
            }

            return found is null ? [] : found.Turns.ToArray();
        }
    }

    public void Remember(ConversationKey conversation, string userKey, ConversationTurn turn)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(turn);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var key = (conversation, userKey);
            if (Find(conversation, userKey, now) is not { } entry)
            {
                // A first turn inside a thread continues the channel question that opened it.
                var parent = conversation.ThreadId is null ? null : Find(conversation.Channel, userKey, now);
                entry = new Entry(key);
                if (parent is not null)
                {
                    foreach (var earlier in parent.Turns)
                    {
                        entry.Turns.Enqueue(earlier);
                    }
                }

                _entries[key] = _recency.AddFirst(entry);
            }

            entry.Turns.Enqueue(turn);
            while (entry.Turns.Count > _options.MaxTurns)
            {
                entry.Turns.Dequeue();
            }

            entry.LastUsed = now;
            EvictOverflow();
        }
    }

    public void Forget(ConversationKey conversation, string userKey)
    {
        lock (_gate)
        {
            if (_entries.Remove((conversation, userKey), out var node))
            {
                _recency.Remove(node);
            }
        }
    }

    private Entry? Find(ConversationKey conversation, string userKey, DateTimeOffset now)
    {
        if (!_entries.TryGetValue((conversation, userKey), out var node))
        {
            return null;
        }

        if (now - node.Value.LastUsed > TimeSpan.FromMinutes(_options.IdleMinutes))
        {
            _entries.Remove(node.Value.Key);
            _recency.Remove(node);
            return null;
        }

        _recency.Remove(node);
        _recency.AddFirst(node);
        return node.Value;
    }

    private void EvictOverflow()
    {
        var idle = TimeSpan.FromMinutes(_options.IdleMinutes);
        var now = time.GetUtcNow();
        while (_recency.Last is { } oldest && (_entries.Count > _options.MaxConversations || now - oldest.Value.LastUsed > idle))
        {
            _entries.Remove(oldest.Value.Key);
            _recency.RemoveLast();
        }
    }

    private sealed class Entry((ConversationKey, string) key)
    {
        public (ConversationKey, string) Key { get; } = key;

        public Queue<ConversationTurn> Turns { get; } = new();

        public DateTimeOffset LastUsed { get; set; }
    }
}
