namespace CoachBot.Core.Work;

/// <summary>
/// Gives acknowledgements priority over coaching work, across platforms (one instance per process: the cores are
/// shared). Each inbound delivery is counted from the moment it arrives until its acknowledgement is sent (a Discord
/// interaction's callback, a Socket Mode ack, a Slack HTTP response); work waits while any acknowledgement is still
/// pending, so in a burst the CPU goes to the 3-second acknowledgements first and to retrieval and rendering after. The wait is bounded (<see cref="MaxWait"/>) so a
/// sustained stream of interactions slows the work down but never starves it.
/// </summary>
public sealed class AcknowledgementsFirst(TimeProvider time)
{
    /// <summary>Longest time work waits for the acknowledgements in flight.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(500);

    private readonly object _gate = new();
    private int _pending;
    private TaskCompletionSource? _drained;

    /// <summary>Acknowledgements not yet sent.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>An interaction arrived; call <see cref="Acknowledged"/> once its callback was sent (or failed).</summary>
    public void Arrived()
    {
        lock (_gate)
        {
            _pending++;
        }
    }

    public void Acknowledged()
    {
        TaskCompletionSource? drained = null;
        lock (_gate)
        {
            if (_pending > 0 && --_pending == 0)
            {
                drained = _drained;
                _drained = null;
            }
        }

        drained?.TrySetResult();
    }

    /// <summary>Completes when no acknowledgement is pending, or after <see cref="MaxWait"/>.</summary>
    public Task WhenDrainedAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_gate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        return WaitBoundedAsync(drained, cancellationToken);
    }

    private async Task WaitBoundedAsync(Task drained, CancellationToken cancellationToken)
    {
        try
        {
            await drained.WaitAsync(MaxWait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Bounded: work goes ahead behind a steady stream of acknowledgements.
        }
    }
}
