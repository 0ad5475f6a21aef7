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
}
