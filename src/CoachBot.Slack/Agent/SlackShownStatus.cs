namespace CoachBot.Slack.Agent;

/// <summary>
/// A working status being shown in one thread (<see cref="SlackAssistantStatus.Show"/>); disposing it clears the status,
/// after the set call finished so the clear is the last word. Nothing is cleared when the status was never set.
/// </summary>
public sealed class SlackShownStatus : IAsyncDisposable
{
    private static readonly TimeSpan ClearTimeout = TimeSpan.FromSeconds(10);

    private readonly SlackAssistantStatus _owner;
    private readonly string _channel;
    private readonly string _threadTs;
    private readonly Task<bool>? _set;

    internal SlackShownStatus(SlackAssistantStatus owner, string channel, string threadTs, Task<bool>? set)
    {
        _owner = owner;
        _channel = channel;
        _threadTs = threadTs;
        _set = set;
    }

    public async ValueTask DisposeAsync()
    {
        if (_set is null || !await _set)
        {
            return;
        }

        // Cleared even when the work was cancelled (shutdown): a status left standing reads "still working" for minutes.
        using var timeout = new CancellationTokenSource(ClearTimeout);
        await _owner.SafelyAsync(_channel, _threadTs, string.Empty, timeout.Token);
    }
}
