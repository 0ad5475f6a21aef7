namespace CoachBot.Storage.Inbound;

public enum InboundDeliveryStatus
{
    /// <summary>Recorded and acknowledged; the reply has not been delivered yet.</summary>
    Pending,

    /// <summary>The reply was delivered (or the delivery definitively failed with an apology).</summary>
    Completed,
}
