using System.Threading.Channels;
using CoachBot.Core.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoachBot.Storage.Inbound;

/// <summary>
/// <see cref="IInboundInbox"/> in the bot's database (table <c>inbound_deliveries</c>, both providers). Records and
/// completions go through one writer that commits everything queued meanwhile in a single transaction (group commit):
/// under a burst, one commit (one WAL append on SQLite) covers many acknowledgements instead of each request waiting
/// for its own, and inbox writes never contend with each other for SQLite's write lock. Duplicates are found by the
/// primary key (platform, delivery key) with <c>INSERT … ON CONFLICT DO NOTHING</c>, so concurrent processes on one
/// PostgreSQL database agree too.
/// </summary>
public sealed partial class InboundInboxStore : IInboundInbox, IAsyncDisposable, IDisposable
{
    /// <summary>The most writes one transaction carries; more wait for the next commit.</summary>
    public const int MaxBatch = 256;

    private readonly IDbContextFactory<CoachBotDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundInboxStore> _logger;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public InboundInboxStore(IDbContextFactory<CoachBotDbContext> contexts, TimeProvider time, ILogger<InboundInboxStore> logger)
    {
        _contexts = contexts;
        _time = time;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc />
    /// <remarks>Cancelling after the call returned control does not withdraw a write already queued.</remarks>
    public async Task<InboundRecordResult> RecordAsync(InboundDelivery delivery, CancellationToken cancellationToken)
    {
        InboundLimits.Validate(delivery);
        var write = new PendingWrite(delivery, delivery.Platform, delivery.DeliveryKey);
        await _writes.Writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        return await write.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false)
            ? InboundRecordResult.Recorded
            : InboundRecordResult.Duplicate;
    }

    public async Task CompleteAsync(string platform, string deliveryKey, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(null, platform, deliveryKey);
        await _writes.Writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        await write.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<InboundDelivery>> ClaimUnfinishedAsync(
        string platform, DateTimeOffset receivedBefore, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken) =>
        _contexts.InTransactionAsync<IReadOnlyList<InboundDelivery>>(
            async (db, ct) =>
            {
                var rows = await db.Set<InboundDeliveryRecord>()
                    .Where(d => d.Platform == platform && d.Status == InboundDeliveryStatus.Pending
                        && d.ReceivedAt < receivedBefore && d.UsefulUntil > now && d.Attempts < maxAttempts)
                    .OrderBy(d => d.ReceivedAt)
                    .ToListAsync(ct).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    row.Attempts++;
                }

                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return rows.Select(r => new InboundDelivery(r.Platform, r.DeliveryKey, r.Kind, r.Payload, r.ReceivedAt, r.UsefulUntil) { Attempts = r.Attempts })
                    .ToList();
            },
            cancellationToken);

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Set<InboundDeliveryRecord>().Where(d => d.UsefulUntil < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finishes the writes already queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                var changed = await _contexts.InTransactionAsync((db, ct) => ApplyAsync(db, batch, ct), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(changed[i]);
                }
            }
#pragma warning disable CA1031 // Every waiting caller gets the failure; the writer keeps running for the next batch.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogBatchFailed(ex, batch.Count);
                foreach (var write in batch)
                {
                    write.Done.TrySetException(ex);
                }
            }
        }
    }

    private async Task<bool[]> ApplyAsync(CoachBotDbContext db, List<PendingWrite> batch, CancellationToken cancellationToken)
    {
        var changed = new bool[batch.Count];
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            int rows;
            if (write.Record is { } d)
            {
                rows = await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO inbound_deliveries ("Platform", "DeliveryKey", "Kind", "Payload", "ReceivedAt", "UsefulUntil", "Status", "Attempts")
                    VALUES ({d.Platform}, {d.DeliveryKey}, {d.Kind}, {d.Payload}, {d.ReceivedAt.ToUnixTimeMilliseconds()}, {d.UsefulUntil.ToUnixTimeMilliseconds()}, {PendingStatus}, 1)
                    ON CONFLICT ("Platform", "DeliveryKey") DO NOTHING
                    """,
                    cancellationToken).ConfigureAwait(false);
            }
            else
            {
                rows = await db.Database.ExecuteSqlAsync(
                    $"""
                    UPDATE inbound_deliveries SET "Status" = {CompletedStatus}, "CompletedAt" = {now}
                    WHERE "Platform" = {write.Platform} AND "DeliveryKey" = {write.DeliveryKey} AND "Status" = {PendingStatus}
                    """,
                    cancellationToken).ConfigureAwait(false);
            }

            changed[i] = rows > 0;
        }

        return changed;
    }

    private static readonly string PendingStatus = nameof(InboundDeliveryStatus.Pending);
    private static readonly string CompletedStatus = nameof(InboundDeliveryStatus.Completed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} inbox rows failed; the deliveries waiting on them are refused")]
    private partial void LogBatchFailed(Exception exception, int count);

    /// <summary>A record (<see cref="Record"/> set) or a completion, waiting for the next commit.</summary>
    private sealed class PendingWrite(InboundDelivery? record, string platform, string deliveryKey)
    {
        public InboundDelivery? Record { get; } = record;

        public string Platform { get; } = platform;

        public string DeliveryKey { get; } = deliveryKey;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
