namespace CoachBot.Core.Work;

/// <summary>
/// One slot of a <see cref="WorkGate"/>, held by one piece of work. While the work runs (<see cref="RunAsync{T}"/>) the
/// slot is the ambient <see cref="Current"/> one, so code deep in a feature can step out of it around a wait that needs
/// no CPU (<see cref="StepOutAsync{T}"/>: the model call) without knowing which adapter or gate it runs under.
/// Disposing gives the slot back if it is held.
/// </summary>
public sealed class WorkSlot : IDisposable
{
    private static readonly AsyncLocal<WorkSlot?> Ambient = new();

    private readonly WorkGate _gate;
    private readonly Lock _lock = new();
    private bool _held = true;
    private bool _disposed;

    internal WorkSlot(WorkGate gate)
    {
        _gate = gate;
    }

    /// <summary>The slot the current work runs in; null outside any gate (the terminal, the command line, tests).</summary>
    public static WorkSlot? Current => Ambient.Value;

    /// <summary>False while the work has stepped out (or after the slot was given back).</summary>
    public bool IsHeld
    {
        get
        {
            lock (_lock)
            {
                return _held;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> with this slot as <see cref="Current"/>.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        // Set inside this async method: the work and its continuations see it; the caller's context is left as it was.
        Ambient.Value = this;
        return await work();
    }

    /// <summary>
    /// Runs <paramref name="wait"/> outside the current work's slot: the slot is free for other work while it runs, and
    /// is taken back (ahead of new work) before this returns. Without a current slot (or one already stepped out of by
    /// a parallel branch of the same work) the wait just runs.
    /// </summary>
    public static async Task<T> StepOutAsync<T>(Func<Task<T>> wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        var slot = Current;
        if (slot is null || !slot.TryLeave())
        {
            return await wait();
        }

        try
        {
            return await wait();
        }
        finally
        {
            await slot.ComeBackAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        bool release;
        lock (_lock)
        {
            release = _held;
            _held = false;
            _disposed = true;
        }

        if (release)
        {
            _gate.Release();
        }
    }

    private bool TryLeave()
    {
        lock (_lock)
        {
            if (!_held)
            {
                return false;
            }

            _held = false;
        }

        _gate.Release();
        return true;
    }

    private async Task ComeBackAsync(CancellationToken cancellationToken)
    {
        await _gate.ReturnAsync(cancellationToken);
        bool giveBack;
        lock (_lock)
        {
            giveBack = _disposed;
            _held = !_disposed;
        }

        if (giveBack)
        {
            _gate.Release();
        }
    }
}
