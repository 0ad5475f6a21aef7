using CoachBot.Core.Work;
using Microsoft.Extensions.Options;

namespace CoachBot.Discord.Interactions;

/// <summary>
/// Bounds the CPU work of every Discord event (interactions after their acknowledgement, and answered messages) to
/// <see cref="DiscordOptions.MaxConcurrentInteractions"/> slots of a <see cref="WorkGate"/>, and lets it start only
/// once the acknowledgements in flight are sent (<see cref="AcknowledgementsFirst"/>). Messages need no
/// acknowledgement, but their work competes for the same CPU as the 3-second callbacks. Awaiting the model holds no
/// slot: the model call steps out of it (Llm:MaxConcurrentRequests bounds those waits).
/// </summary>
public sealed class CoachingWorkGate(AcknowledgementsFirst acknowledgements, IOptions<DiscordOptions> options)
{
    private readonly WorkGate _slots = new(options.Value.MaxConcurrentInteractions);

    /// <summary>Slots free right now.</summary>
    public int Available => _slots.Available;

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await acknowledgements.WhenDrainedAsync(cancellationToken);
        return await _slots.RunAsync(work, cancellationToken);
    }
}
