using CoachBot.Core.Work;

namespace CoachBot.Ai.Llm;

/// <summary>
/// A fixed number of places with a fair queue behind them. A freed place goes to the community whose turn it is (the
/// communities with someone waiting take turns, round-robin), and inside it to the person whose turn it is (again
/// round-robin), so one community asking a hundred questions at once delays another community's one question by at
/// most one call, and one person flooding their community delays their neighbours the same way. Waiters that gave up
/// are skipped when their turn comes.
/// </summary>
public sealed class LlmFairPlaces
{
    private readonly Lock _lock = new();
    private readonly int _places;
    private readonly Queue<string> _communityTurns = new();
    private readonly Dictionary<string, CommunityLine> _communities = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _waiting;

    public LlmFairPlaces(int places)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(places, 1);
        _places = places;
    }

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting;
            }
        }
    }

    /// <summary>
    /// Takes a place now (null), or queues <paramref name="owner"/> for one: the returned task completes when a place is
    /// theirs. Cancel it (TrySetCanceled) to give up; if that fails the place was granted and must be released.
    /// </summary>
    public TaskCompletionSource? TryTake(WorkOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        lock (_lock)
        {
            // Release hands a place to a live waiter before it counts it free, so a free place means nobody live waits.
            if (_inFlight < _places)
            {
                _inFlight++;
                return null;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_communities.TryGetValue(owner.CommunityKey, out var community))
            {
                community = new CommunityLine();
                _communities[owner.CommunityKey] = community;
                _communityTurns.Enqueue(owner.CommunityKey);
            }

            community.Add(owner.UserKey, waiter);
            _waiting++;
            return waiter;
        }
    }

    /// <summary>Gives a place back: to the next waiter in turn, or free.</summary>
    public void Release()
    {
        lock (_lock)
        {
            while (_communityTurns.TryDequeue(out var communityKey))
            {
                var community = _communities[communityKey];
                var waiter = community.Next();
                if (community.IsEmpty)
                {
                    _communities.Remove(communityKey);
                }
                else
                {
                    _communityTurns.Enqueue(communityKey);
                }

                _waiting--;
                // Continuations run asynchronously, so granting under the lock runs no caller code here.
                if (waiter.TrySetResult())
                {
                    return;
                }
            }

            _inFlight--;
        }
    }

    private sealed class CommunityLine
    {
        private readonly Queue<string> _userTurns = new();
        private readonly Dictionary<string, Queue<TaskCompletionSource>> _users = new(StringComparer.Ordinal);

        public bool IsEmpty => _userTurns.Count == 0;

        public void Add(string userKey, TaskCompletionSource waiter)
        {
            if (!_users.TryGetValue(userKey, out var waiters))
            {
                waiters = new Queue<TaskCompletionSource>();
                _users[userKey] = waiters;
                _userTurns.Enqueue(userKey);
            }

            waiters.Enqueue(waiter);
        }

        public TaskCompletionSource Next()
        {
            var userKey = _userTurns.Dequeue();
            var waiters = _users[userKey];
            var waiter = waiters.Dequeue();
            if (waiters.Count == 0)
            {
                _users.Remove(userKey);
            }
            else
            {
                _userTurns.Enqueue(userKey);
            }

            return waiter;
        }
    }
}
