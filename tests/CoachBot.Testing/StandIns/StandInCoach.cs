using CoachBot.Core.Work;

namespace CoachBot.Testing.StandIns;

/// <summary>
/// State shared by the stand-in features: every request they saw, and a gate that holds them (slow work that keeps its
/// work slot) until the test opens it. Every stand-in handler enters here first. The answering ones (/ask, messages)
/// then ask a stand-in model (<see cref="AskModelAsync"/>), which the test may hold: awaiting it steps out of the work
/// slot as the real model call does.
/// </summary>
public sealed class StandInCoach
{
    private TaskCompletionSource _gate = NewGate(open: true);
    private TaskCompletionSource _model = NewGate(open: true);
    private int _finished;
    private int _awaitingModel;

    public ConcurrentQueue<CoachRequest> Requests { get; } = new();

    /// <summary>Released each time a handler starts (before it waits on the gate).</summary>
    public SemaphoreSlim Started { get; } = new(0);

    /// <summary>How many handlers got past the gate.</summary>
    public int Finished => Volatile.Read(ref _finished);

    public void CloseGate() => _gate = NewGate(open: false);

    public void OpenGate() => _gate.TrySetResult();

    /// <summary>The stand-in model answers nobody until <see cref="ReleaseModel"/>.</summary>
    public void HoldModel() => _model = NewGate(open: false);

    public void ReleaseModel() => _model.TrySetResult();

    /// <summary>Handlers awaiting the held model right now.</summary>
    public int AwaitingModel => Volatile.Read(ref _awaitingModel);

    /// <summary>Released each time a handler starts awaiting the held model.</summary>
    public SemaphoreSlim ModelAsked { get; } = new(0);

    /// <summary>Stands in for the LLM call: when the model is held, awaits it outside the work slot (as PromptRunner does).</summary>
    public async Task AskModelAsync(CancellationToken cancellationToken)
    {
        var model = _model;
        if (model.Task.IsCompleted)
        {
            return;
        }

        await WorkSlot.StepOutAsync(async () =>
        {
            Interlocked.Increment(ref _awaitingModel);
            ModelAsked.Release();
            try
            {
                await model.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _awaitingModel);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

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
