namespace CoachBot.Core.Inbound;

/// <summary>
/// The durable inbox every platform adapter writes to before it acknowledges a delivery (Slack HTTP 200, Socket Mode
/// ack, Discord deferral), so that nothing acknowledged is lost: work is taken from it, a row is completed when the
/// reply was delivered (or definitively failed with a visible apology), and unfinished rows are replayed on start-up.
/// Duplicate detection lives here too: one row per (platform, delivery key). A delivery that was refused (never
/// recorded) is processed when it comes again; one recorded before, pending or completed, is a duplicate until its
/// row is purged. The host's storage replaces the in-memory implementation with one in the bot's database.
/// </summary>
public interface IInboundInbox
{
    /// <summary>How often a running bot looks for rows a dead process left (their leases expire after 30 s).</summary>
    static readonly TimeSpan ReplaySweep = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Records a delivery before it is acknowledged. <see cref="InboundRecordResult.Duplicate"/> when a row with the same
    /// platform and delivery key exists (nothing is written). Throws when the write fails: the caller must then refuse
    /// the delivery without marking it anywhere, so the platform's retry is processed.
    /// </summary>
    Task<InboundRecordResult> RecordAsync(InboundDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Marks the delivery done: it will not be replayed. Unknown or already completed keys are ignored.</summary>
    Task CompleteAsync(string platform, string deliveryKey, CancellationToken cancellationToken);

    /// <summary>
    /// Replay: the platform's unfinished rows an earlier run left (received before <paramref name="receivedBefore"/>,
    /// this process's start, so rows it records itself are never taken) and, where several processes share the store,
    /// rows of another process whose lease expired (that process died), still useful at <paramref name="now"/> and
    /// attempted fewer than <paramref name="maxAttempts"/> times, oldest first. Each returned row's attempt count is
    /// raised by one in the store before it is returned (and in the returned value), so a row that keeps crashing the
    /// process is not replayed forever. Called at start and then every few seconds (<see cref="ReplaySweep"/>).
    /// </summary>
    Task<IReadOnlyList<InboundDelivery>> ClaimUnfinishedAsync(
        string platform, DateTimeOffset receivedBefore, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Deletes every row, completed or not, whose useful life ended before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
