using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Coaching.Tests.Interview.Support;

/// <summary>
/// A model that grades instantly, except for answers containing <see cref="SlowMarker"/>: those wait until
/// <see cref="Release"/> is called (and signal <see cref="SlowCallStarted"/> when they begin). No timings involved.
/// </summary>
public sealed class GatedFeedbackModel : IInterviewFeedbackModel
{
    public const string SlowMarker = "[slow]";

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _slowStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public bool IsConfigured => true;

    /// <summary>Completes when a slow grading has started (and is waiting on the gate).</summary>
    public Task SlowCallStarted => _slowStarted.Task;

    public int Calls => Volatile.Read(ref _calls);

    public void Release() => _gate.TrySetResult();

    public async Task<ParsedFeedback?> EvaluateAsync(
        InterviewQuestion question,
        string answer,
        string? referenceText,
        IReadOnlyList<ScoredPassage> passages,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (answer.Contains(SlowMarker, StringComparison.Ordinal))
        {
            _slowStarted.TrySetResult();
            await _gate.Task.WaitAsync(cancellationToken);
        }

        return new ParsedFeedback(4, ["Clear and correct."], ["Mention a trade-off."], ["Define it", "Give an example"], null);
    }
}
