namespace CoachBot.Storage.Inbound;

/// <summary>One row of <c>inbound_deliveries</c>: a delivery recorded before it was acknowledged (see <c>IInboundInbox</c>).</summary>
public sealed class InboundDeliveryRecord
{
    public string Platform { get; set; } = "";

    public string DeliveryKey { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset UsefulUntil { get; set; }

    public InboundDeliveryStatus Status { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The process (<c>InboundInboxStore.InstanceId</c>) working on the row; null on rows from before leases.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>
    /// Until when <see cref="ClaimedBy"/> holds the row: renewed by that process while it lives, so another process
    /// replays the row only once it has expired (its process died).
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
