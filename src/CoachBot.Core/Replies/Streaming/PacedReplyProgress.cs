namespace CoachBot.Core.Replies.Streaming;

/// <summary>
/// Shows a growing reply at most once per <c>interval</c>, so a message is edited about once a second however fast the
/// model writes (platforms rate-limit edits per message and per route). The first text is shown at once (time to first
/// visible text is what members feel); later reports inside the interval are skipped, and so are reports while the
/// previous update is still on the wire, so a slow platform call never holds up the model's stream. Each update is the
/// whole text so far. Call <see cref="StopAsync"/> before delivering the finished reply: it waits for the update in
/// flight, so a late update can never overwrite the final message. An update that fails stops the updates (the final
/// reply still goes out through the usual path).
/// </summary>
public sealed class PacedReplyProgress : IReplyProgress
{
    private readonly Func<string, CancellationToken, Task> _show;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly CancellationToken _cancellationToken;
    private readonly Lock _lock = new();
    private Task? _inFlight;
    private long _lastShownAt;
    private string? _lastText;
    private bool _stopped;

    /// <param name="show">Shows the whole text so far on the platform (e.g. edits the message).</param>
    /// <param name="interval">The least time between two updates.</param>
    /// <param name="time">The clock the interval is measured on.</param>
    /// <param name="cancellationToken">Passed to <paramref name="show"/>.</param>
    public PacedReplyProgress(Func<string, CancellationToken, Task> show, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(show);
        ArgumentNullException.ThrowIfNull(time);
        _show = show;
        _interval = interval;
        _time = time;
        _cancellationToken = cancellationToken;
    }

    /// <summary>How many updates were started.</summary>
    public int Updates { get; private set; }

    /// <summary>True once any text was shown (the platform holds a partial reply the final one must replace).</summary>
    public bool ShownAny => Updates > 0;

    /// <summary>True when an update failed and the remaining ones were dropped.</summary>
    public bool Failed { get; private set; }

    /// <summary>Completes when no update is on the wire (for tests).</summary>
    internal Task Idle
    {
        get
        {
            lock (_lock)
            {
                return _inFlight ?? Task.CompletedTask;
            }
        }
    }

    public void Report(Func<string> textSoFar)
    {
        ArgumentNullException.ThrowIfNull(textSoFar);
        lock (_lock)
        {
            if (_stopped || _inFlight is { IsCompleted: false })
            {
                return;
            }

            var now = _time.GetTimestamp();
            if (Updates > 0 && _time.GetElapsedTime(_lastShownAt, now) < _interval)
            {
                return;
            }

            var text = textSoFar();
            if (string.IsNullOrWhiteSpace(text) || string.Equals(text, _lastText, StringComparison.Ordinal))
            {
                return;
            }

            _lastShownAt = now;
            _lastText = text;
            Updates++;
            _inFlight = ShowAsync(text);
        }
    }

    /// <summary>No more updates; completes once the update in flight (if any) is done.</summary>
    public Task StopAsync()
    {
        lock (_lock)
        {
            _stopped = true;
            return _inFlight ?? Task.CompletedTask;
        }
    }

    private async Task ShowAsync(string text)
    {
        try
        {
            await _show(text, _cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A progress update is a courtesy: its failure must never fail the answer.
        catch (Exception)
#pragma warning restore CA1031
        {
            lock (_lock)
            {
                Failed = true;
                _stopped = true;
            }
        }
    }
}
