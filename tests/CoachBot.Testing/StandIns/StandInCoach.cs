namespace CoachBot.Testing.StandIns;

/// <summary>
/// State shared by the stand-in features: every request they saw, and a gate that holds them (a slow LLM) until the
/// test opens it. Every stand-in handler enters here first.
/// </summary>
public sealed class StandInCoach
{
    private TaskCompletionSource _gate = NewGate(open: true);
    private int _finished;

    public ConcurrentQueue<CoachRequest> Requests { get; } = new();

    /// <summary>Released each time a handler starts (before it waits on the gate).</summary>
    public SemaphoreSlim Started { get; } = new(0);

    /// <summary>How many handlers got past the gate.</summary>
    public int Finished => Volatile.Read(ref _finished);

    public void CloseGate() => _gate = NewGate(open: false);

    public void OpenGate() => _gate.TrySetResult();

    public async Task EnterAsync(CoachRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        Started.Release();
        await _gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _finished);
    }

    public IReadOnlyList<T> Seen<T>()
        where T : CoachRequest => [.. Requests.OfType<T>()];

    private static TaskCompletionSource NewGate(bool open)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            gate.SetResult();
        }

        return gate;
    }
}
