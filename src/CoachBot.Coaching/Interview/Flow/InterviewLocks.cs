namespace CoachBot.Coaching.Interview.Flow;

/// <summary>
/// Serialises the steps of one person's interview in one channel inside this process (two quick messages must not both
/// be taken as the answer to the same question). Striped, so memory stays fixed; the store's version check covers
/// several processes.
/// </summary>
public sealed class InterviewLocks : IDisposable
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string userKey, string channelKey, CancellationToken cancellationToken)
    {
        var gate = _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(userKey + "\n" + channelKey) % Stripes)];
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
