using System.Collections.Concurrent;
using CoachBot.Core.Dispatch;

namespace CoachBot.Slack.Tests.Support;

/// <summary>
/// Shared state of the test-only features: every request they saw, and a gate that holds them (a slow LLM) until the
/// test opens it.
/// </summary>
public sealed class TestCoach
{
    private TaskCompletionSource _gate = NewGate(open: true);

    public ConcurrentQueue<CoachRequest> Requests { get; } = new();

    /// <summary>Signalled each time a handler starts (before it waits on the gate).</summary>
    public SemaphoreSlim Started { get; } = new(0);

    public void CloseGate() => _gate = NewGate(open: false);

    public void OpenGate() => _gate.TrySetResult();

    public async Task EnterAsync(CoachRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        Started.Release();
        await _gate.Task.WaitAsync(cancellationToken);
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
