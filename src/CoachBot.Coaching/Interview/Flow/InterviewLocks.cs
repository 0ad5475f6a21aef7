namespace CoachBot.Coaching.Interview.Flow;

/// <summary>
/// Serialises the reads and writes of one person's interview in one channel inside this process (two quick messages
/// must not both be taken as the answer to the same question). Striped, so memory stays fixed; the store's version
/// check covers several processes. Held only around store reads and writes, never across a model call: people who hash
/// to the same stripe would otherwise wait for someone else's grading (<see cref="InterviewAnswersInProgress"/> marks an
/// answer being graded instead).
/// </summary>
public sealed class InterviewLocks : IDisposable
{
    private const int DefaultStripes = 64;
    private readonly SemaphoreSlim[] _locks;

    public InterviewLocks()
        : this(DefaultStripes)
    {
    }

    /// <summary>Tests use one stripe, so every interview shares it.</summary>
    internal InterviewLocks(int stripes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stripes, 1);
        _locks = Enumerable.Range(0, stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    }

    public async Task<IDisposable> AcquireAsync(string userKey, string channelKey, CancellationToken cancellationToken)
    {
        var gate = _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(userKey + "\n" + channelKey) % (uint)_locks.Length)];
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _locks)
        {
            gate.Dispose();
        }
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
