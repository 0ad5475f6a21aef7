using CoachBot.Core.Collections;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Remembers which messages were already answered in this process, so one message arriving as two events
/// (app_mention and message.channels, each with its own event_id) is answered once. Keys live 15 minutes. Re-deliveries
/// of one event (retries, copies on another socket) are recognised by the durable inbox instead
/// (<see cref="SlackDeliveryKeys"/>, <see cref="SlackIntake"/>).
/// </summary>
public sealed class SlackDeliveryDeduplicator(TimeProvider timeProvider)
{
    private readonly ExpiringKeySet _seen = new(timeProvider, TimeSpan.FromMinutes(15), capacity: 50_000);

    /// <summary>True the first time a key is seen; false for a duplicate. Null or empty keys are never duplicates.</summary>
    public bool IsFirstDelivery(string? key) => string.IsNullOrEmpty(key) || _seen.TryAdd(key);
}
