using CoachBot.Core.Inbound;
using CoachBot.Core.Work;
using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// The one way a Slack delivery comes in, whichever the transport: it is recorded in the durable inbound inbox before
/// the transport acknowledges it, then handed to the worker. A delivery is refused only before anything is written
/// (queue full for a retryable event, the inbox write failed, the bot is shutting down), so Slack's next delivery of
/// it is processed; one recorded before is a duplicate and is acknowledged without work. Every delivery counts as an
/// acknowledgement pending (<see cref="AcknowledgementsFirst"/>, shared with Discord) until its ack is sent, so in a
/// burst the work of deliveries already acknowledged waits for the acknowledgements still to go out.
/// </summary>
public sealed partial class SlackIntake(
    SlackInbox queue,
    IInboundInbox inbox,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackIntake> logger,
    AcknowledgementsFirst? acknowledgements = null)
{
    public const string Platform = "slack";

    /// <summary>How long a retryable event waits for a place in a full queue before it is refused.</summary>
    public static readonly TimeSpan PlaceWait = TimeSpan.FromSeconds(2);

    private volatile bool _stopping;

    /// <summary>False once shutdown began: new deliveries are refused (unmarked) and left for Slack to deliver again.</summary>
    public bool IsAccepting => !_stopping;

    public void StopAccepting() => _stopping = true;

    /// <param name="item">The delivery.</param>
    /// <param name="envelopeId">Socket Mode's envelope id: the key of last resort when the payload carries no id.</param>
    /// <param name="cancellationToken">Cancels only the wait for a place; a write once started is awaited to the end.</param>
    /// <param name="acknowledged">Completes when the transport's ack went out (Socket Mode); work waits for it. Null: already answered.</param>
    public async Task<SlackIntakeResult> AcceptAsync(SlackInbound item, string? envelopeId, CancellationToken cancellationToken, Task? acknowledged = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        acknowledgements?.Arrived();
        var result = SlackIntakeResult.Refused;
        try
        {
            result = await AcceptCountedAsync(item, envelopeId, acknowledged, cancellationToken);
            return result;
        }
        finally
        {
            if (acknowledgements is { } pending)
            {
                // Socket Mode acks from the socket's own loop: counted until that ack went out. An HTTP delivery is
                // answered as soon as this returns, and a refused one gets no ack at all.
                if (result != SlackIntakeResult.Refused && acknowledged is { IsCompleted: false })
                {
                    _ = acknowledged.ContinueWith(static (_, state) => ((AcknowledgementsFirst)state!).Acknowledged(), pending,
                        CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
                else
                {
                    pending.Acknowledged();
                }
            }
        }
    }

    private async Task<SlackIntakeResult> AcceptCountedAsync(SlackInbound item, string? envelopeId, Task? acknowledged, CancellationToken cancellationToken)
    {
        if (_stopping)
        {
            LogRefusedStopping(item.Kind);
            return SlackIntakeResult.Refused;
        }

        var retryable = item.Kind == SlackInboundKind.Event;
        bool holdsPlace;
        try
        {
            holdsPlace = await queue.TryTakePlaceAsync(retryable ? PlaceWait : TimeSpan.Zero, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return SlackIntakeResult.Refused;
        }

        if (!holdsPlace && retryable)
        {
            // Overloaded: nothing was recorded, so Slack's retry of this event is processed.
            LogQueueFull(item.Transport);
            return SlackIntakeResult.Refused;
        }

        var key = SlackDeliveryKeys.For(item.Kind, item.Payload, envelopeId);
        var now = time.GetUtcNow();
        InboundRecordResult recorded;
        try
        {
            // Not cancellable: a write that went through while the caller gave up would mark a delivery nobody queued.
            recorded = await inbox.RecordAsync(
                new InboundDelivery(Platform, key, SlackInboundKinds.Name(item.Kind), item.Payload.GetRawText(), now, now + options.Value.DeliveryUsefulLife),
                CancellationToken.None);
        }
#pragma warning disable CA1031 // Any failure to record means "not recorded": refuse, so the delivery comes again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ReturnPlace(holdsPlace);
            LogRecordFailed(ex, item.Kind);
            return SlackIntakeResult.Refused;
        }

        if (recorded == InboundRecordResult.Duplicate)
        {
            ReturnPlace(holdsPlace);
            LogDuplicate(item.Kind, key, item.Transport);
            return SlackIntakeResult.Duplicate;
        }

        queue.Enqueue(new SlackQueuedDelivery(item, key, holdsPlace) { Acknowledged = acknowledged ?? Task.CompletedTask });
        return SlackIntakeResult.Accepted;
    }

    private void ReturnPlace(bool holdsPlace)
    {
        if (holdsPlace)
        {
            queue.ReturnPlace();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request queue is full; refused an event from {Transport} unrecorded so Slack delivers it again")]
    private partial void LogQueueFull(string transport);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a Slack {Kind} in the inbox; refused it unrecorded")]
    private partial void LogRecordFailed(Exception exception, SlackInboundKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: refused a Slack {Kind} unrecorded")]
    private partial void LogRefusedStopping(SlackInboundKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledged a repeated Slack {Kind} {Key} from {Transport}; not answering again")]
    private partial void LogDuplicate(SlackInboundKind kind, string key, string transport);
}
