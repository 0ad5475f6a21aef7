namespace CoachBot.Core.Inbound;

/// <summary>The outcome of <see cref="IInboundInbox.RecordAsync"/>.</summary>
public enum InboundRecordResult
{
    /// <summary>A new row: acknowledge the delivery and process it.</summary>
    Recorded,

    /// <summary>The delivery was recorded before (pending or done): acknowledge it and do no work.</summary>
    Duplicate,
}
