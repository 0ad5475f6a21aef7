using Microsoft.Extensions.Options;

namespace CoachBot.Discord.Interactions;

/// <summary>
/// Bounds the coaching work of every Discord event (interactions after their acknowledgement, and answered messages)
/// to <see cref="DiscordOptions.MaxConcurrentInteractions"/> at once, and lets it start only once the
/// acknowledgements in flight are sent (<see cref="AcknowledgementsFirst"/>). Messages need no acknowledgement, but
/// their work competes for the same CPU as the 3-second callbacks.
/// </summary>
public sealed class CoachingWorkGate(AcknowledgementsFirst acknowledgements, IOptions<DiscordOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentInteractions);

    /// <summary>Slots free right now.</summary>
    public int Available => _slots.CurrentCount;

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await acknowledgements.WhenDrainedAsync(cancellationToken);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
