namespace CoachBot.Core.Work;

/// <summary>
/// Bounds the work that uses the CPU (retrieval, composing, rendering) to a number of slots, not the waits in between:
/// work that awaits the model steps out of its slot (<see cref="WorkSlot.StepOutAsync{T}"/>) and steps back in after.
/// Work stepping back in goes before work not yet started, so answers already under way finish first. Each adapter
/// owns one gate sized by its own setting (Discord:MaxConcurrentInteractions, Slack:MaxConcurrentRequests).
/// </summary>
public sealed class WorkGate
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _returning = new();
    private readonly Queue<TaskCompletionSource> _arriving = new();
    private int _free;

    public WorkGate(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Slots = slots;
        _free = slots;
    }

    /// <summary>The number of slots.</summary>
    public int Slots { get; }

    /// <summary>Slots free right now.</summary>
    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _free;
            }
        }
    }

    /// <summary>Work that stepped out and waits to come back in (live or cancelled waiters, for tests).</summary>
    internal int Returning
    {
        get
        {
            lock (_lock)
            {
                return _returning.Count;
            }
        }
    }

    /// <summary>Takes a slot for new work, waiting for one; dispose the slot (or let <see cref="RunAsync{T}"/> do it) to give it back.</summary>
    public async Task<WorkSlot> EnterAsync(CancellationToken cancellationToken)
    {
        await TakeAsync(_arriving, cancellationToken);
        return new WorkSlot(this);
    }

    /// <summary>Runs <paramref name="work"/> in a slot of its own, which it may step out of while it awaits the model.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var slot = await EnterAsync(cancellationToken);
        return await slot.RunAsync(work);
    }

    /// <summary>Takes a slot back for work that stepped out; it goes before new work.</summary>
    internal Task ReturnAsync(CancellationToken cancellationToken) => TakeAsync(_returning, cancellationToken);

    internal void Release()
    {
        while (true)
        {
            TaskCompletionSource? next;
            lock (_lock)
            {
                if (!_returning.TryDequeue(out next) && !_arriving.TryDequeue(out next))
                {
                    _free++;
                    return;
                }
            }

            // A waiter that gave up (cancelled) is skipped; the slot goes to the next one.
            if (next.TrySetResult())
            {
                return;
            }
        }
    }

    private async Task TakeAsync(Queue<TaskCompletionSource> queue, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource waiter;
        lock (_lock)
        {
            // Release hands a slot to a live waiter before it counts it free, so a free slot means nobody live waits.
            if (_free > 0)
            {
                _free--;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Enqueue(waiter);
        }

        using (cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetCanceled(), waiter))
        {
            await waiter.Task;
        }
    }
}
