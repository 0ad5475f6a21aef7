namespace CoachBot.Core.Inbound;

/// <summary>
/// One acknowledged inbound delivery as the inbox keeps it.
/// </summary>
/// <param name="Platform">Lowercase platform name (<c>slack</c>, <c>discord</c>); at most <see cref="InboundLimits.PlatformLength"/> characters.</param>
/// <param name="DeliveryKey">
/// The same for every delivery of one platform event (a retry, a copy on another socket), different for different
/// events: Slack's event_id, a command's trigger_id, Discord's interaction id. At most <see cref="InboundLimits.DeliveryKeyLength"/> characters.
/// </param>
/// <param name="Kind">What the adapter needs to route the payload again (<c>event</c>, <c>slash_command</c>, …); at most <see cref="InboundLimits.KindLength"/> characters.</param>
/// <param name="Payload">The delivery as the adapter needs it to process it again after a restart (usually the JSON it received).</param>
/// <param name="ReceivedAt">When the adapter received it.</param>
/// <param name="UsefulUntil">After this the delivery is not replayed (its reply would come too late) and the row may be purged.</param>
public sealed record InboundDelivery(
    string Platform,
    string DeliveryKey,
    string Kind,
    string Payload,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UsefulUntil)
{
    /// <summary>How many times processing was started: 1 when recorded, one more for each start-up replay.</summary>
    public int Attempts { get; init; } = 1;
}
