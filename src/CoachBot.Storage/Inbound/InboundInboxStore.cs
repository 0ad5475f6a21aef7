using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using CoachBot.Core.Inbound;
using CoachBot.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace CoachBot.Storage.Inbound;

/// <summary>
/// <see cref="IInboundInbox"/> in the bot's database (table <c>inbound_deliveries</c>, both providers). Records and
/// completions go through one writer that commits everything queued meanwhile in a single transaction (group commit):
/// under a burst, one commit (one WAL append on SQLite) covers many acknowledgements instead of each request waiting
/// for its own, and inbox writes never contend with each other for SQLite's write lock. Duplicates are found by the
/// primary key (platform, delivery key) with one multi-row <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c> per batch,
/// so concurrent processes on one PostgreSQL database agree too.
/// Every row this process records or replays carries its <see cref="InstanceId"/> and a lease
/// (<see cref="LeaseDuration"/>) that it renews every <see cref="LeaseRenewal"/> while it lives: another process on the
/// database replays an unfinished row only once its lease has expired (its process died), never a row a live process
/// is still working on.
/// </summary>
public sealed partial class InboundInboxStore : IInboundInbox, IAsyncDisposable, IDisposable
{
    /// <summary>The most writes one transaction carries; more wait for the next commit.</summary>
    public const int MaxBatch = 256;

    /// <summary>How long a row stays this process's without a renewal: a dead process's rows are replayed this long after it died.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>How often a live process renews the leases of its unfinished rows.</summary>
    public static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(10);

    private readonly IDbContextFactory<CoachBotDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundInboxStore> _logger;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly Task _renewer;
    private readonly CancellationTokenSource _stopRenewing = new();
    private bool? _isSqlite;
    private int _disposed;
    private volatile bool _leasedAny;
    private CoachBotDbContext? _sqliteWriter;

    public InboundInboxStore(IDbContextFactory<CoachBotDbContext> contexts, TimeProvider time, ILogger<InboundInboxStore> logger)
    {
        _contexts = contexts;
        _time = time;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
        _renewer = Task.Run(RenewLoopAsync);
    }

    /// <summary>This process's id in <c>ClaimedBy</c>: new for every start, so a restarted process does not inherit a dead one's leases.</summary>
    public string InstanceId { get; } = Environment.MachineName.Length > 20
        ? Guid.NewGuid().ToString("N")
        : Environment.MachineName + "-" + Guid.NewGuid().ToString("N");

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

    /// <inheritdoc />
    /// <remarks>
    /// Rows leased by another process are taken only once the lease has expired (whenever they were received, so a
    /// live process also finishes a dead one's rows); rows from before leases, and rows this store recorded itself and
    /// never replayed, only when received before <paramref name="receivedBefore"/> (in a running bot that is its
    /// start, so never its own rows). A store disposed in an orderly way (SIGTERM) releases its leases, so the next
    /// start takes its unfinished rows at once; after a crash they wait for the lease to expire. Each taken row is leased to this process in the same statement that checks
    /// the lease, so two processes claiming at once never both take a row.
    /// </remarks>
    public Task<IReadOnlyList<InboundDelivery>> ClaimUnfinishedAsync(
        string platform, DateTimeOffset receivedBefore, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        _leasedAny = true;
        return ClaimAsync(platform, receivedBefore, now, maxAttempts, cancellationToken);
    }

    private Task<IReadOnlyList<InboundDelivery>> ClaimAsync(
        string platform, DateTimeOffset receivedBefore, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken) =>
        _contexts.InTransactionAsync<IReadOnlyList<InboundDelivery>>(
            async (db, ct) =>
            {
                var me = InstanceId;
                var rows = await db.Set<InboundDeliveryRecord>().AsNoTracking()
                    .Where(d => d.Platform == platform && d.Status == InboundDeliveryStatus.Pending
                        && d.UsefulUntil > now && d.Attempts < maxAttempts
                        && ((d.ReceivedAt < receivedBefore && (d.ClaimedBy == null || (d.ClaimedBy == me && d.Attempts == 1)))
                            || (d.ClaimedBy != me && d.LeaseUntil < now)))
                    .OrderBy(d => d.ReceivedAt)
                    .ToListAsync(ct).ConfigureAwait(false);
                var until = (now + LeaseDuration).ToUnixTimeMilliseconds();
                var nowMs = now.ToUnixTimeMilliseconds();
                var claimed = new List<InboundDelivery>(rows.Count);
                foreach (var row in rows)
                {
                    var taken = await db.Database.ExecuteSqlAsync(
                        $"""
                        UPDATE inbound_deliveries SET "Attempts" = "Attempts" + 1, "ClaimedBy" = {me}, "LeaseUntil" = {until}
                        WHERE "Platform" = {row.Platform} AND "DeliveryKey" = {row.DeliveryKey} AND "Status" = {PendingStatus}
                          AND "Attempts" = {row.Attempts} AND ("ClaimedBy" IS NULL OR "ClaimedBy" = {me} OR "LeaseUntil" < {nowMs})
                        """,
                        ct).ConfigureAwait(false);
                    if (taken == 1)
                    {
                        claimed.Add(new InboundDelivery(row.Platform, row.DeliveryKey, row.Kind, row.Payload, row.ReceivedAt, row.UsefulUntil) { Attempts = row.Attempts + 1 });
                    }
                }

                return claimed;
            },
            cancellationToken);

    /// <summary>Extends the leases of this process's unfinished rows; returns how many.</summary>
    public async Task<int> RenewLeasesAsync(CancellationToken cancellationToken)
    {
        var until = (_time.GetUtcNow() + LeaseDuration).ToUnixTimeMilliseconds();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Database.ExecuteSqlAsync(
            $"""UPDATE inbound_deliveries SET "LeaseUntil" = {until} WHERE "ClaimedBy" = {InstanceId} AND "Status" = {PendingStatus}""",
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Set<InboundDeliveryRecord>().Where(d => d.UsefulUntil < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finishes the writes already queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _writes.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        await _renewer.ConfigureAwait(false);
        _stopRenewing.Dispose();
        if (_leasedAny)
        {
            // A process that never recorded or claimed a row holds no lease (and may have stopped before its database
            // was even migrated: a start-up refused for a configuration error).
            await ReleaseLeasesAsync().ConfigureAwait(false);
        }
    }

    /// <summary>An orderly stop: this process's unfinished rows may be taken at once by the next start or another process.</summary>
    private async Task ReleaseLeasesAsync()
    {
        try
        {
            await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE inbound_deliveries SET "LeaseUntil" = 0 WHERE "ClaimedBy" = {InstanceId} AND "Status" = {PendingStatus}""").ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Shutting down: the leases then expire on their own.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRenewFailed(ex);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task RenewLoopAsync()
    {
        using var timer = new PeriodicTimer(LeaseRenewal, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopRenewing.Token).ConfigureAwait(false))
            {
                try
                {
                    await RenewLeasesAsync(_stopRenewing.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stopRenewing.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A missed renewal is tried again at the next tick; the lease outlives a few of them.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogRenewFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (_stopRenewing.IsCancellationRequested)
        {
        }
    }

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
                var changed = await CommitAsync(batch).ConfigureAwait(false);
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

        if (_sqliteWriter is not null)
        {
            await _sqliteWriter.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One transaction for the batch. On SQLite the writer keeps one context with its connection open, so a commit is
    /// begin, one insert, commit: no pool round trip and no connection pragmas per batch on the acknowledgement path.
    /// On PostgreSQL each batch runs in the provider's retrying execution strategy with a fresh context.
    /// </summary>
    private async Task<bool[]> CommitAsync(List<PendingWrite> batch)
    {
        if (_isSqlite is null)
        {
            await using var probe = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
            _isSqlite = probe.Database.IsSqlite();
        }

        if (_isSqlite != true)
        {
            return await _contexts.InTransactionAsync((db, ct) => ApplyAsync(db, batch, ct), CancellationToken.None).ConfigureAwait(false);
        }

        try
        {
            if (_sqliteWriter is null)
            {
                _sqliteWriter = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
                await _sqliteWriter.Database.OpenConnectionAsync().ConfigureAwait(false);
            }

            // Acknowledgements wait for this commit: it goes before the feature writes queued for SQLite's write lock.
            using var first = SqliteWriteTurns.First();
            await using var transaction = await _sqliteWriter.Database.BeginTransactionAsync().ConfigureAwait(false);
            var changed = await ApplyAsync(_sqliteWriter, batch, CancellationToken.None).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
            return changed;
        }
        catch
        {
            // Start the next batch on a fresh connection.
            if (_sqliteWriter is not null)
            {
                await _sqliteWriter.DisposeAsync().ConfigureAwait(false);
                _sqliteWriter = null;
            }

            throw;
        }
    }

    private async Task<bool[]> ApplyAsync(CoachBotDbContext db, List<PendingWrite> batch, CancellationToken cancellationToken)
    {
        var changed = new bool[batch.Count];
        _leasedAny = true;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var inserted = await InsertAsync(db, batch, InstanceId, now + (long)LeaseDuration.TotalMilliseconds, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            if (write.Record is not null)
            {
                // Only the first of several writes of one key in a batch can have inserted the row.
                changed[i] = seen.Add((write.Platform, write.DeliveryKey)) && inserted.Contains((write.Platform, write.DeliveryKey));
                continue;
            }

            changed[i] = await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE inbound_deliveries SET "Status" = {CompletedStatus}, "CompletedAt" = {now}
                WHERE "Platform" = {write.Platform} AND "DeliveryKey" = {write.DeliveryKey} AND "Status" = {PendingStatus}
                """,
                cancellationToken).ConfigureAwait(false) > 0;
        }

        return changed;
    }

    /// <summary>
    /// One multi-row <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c> for every record of the batch (SQLite 3.35+ and
    /// PostgreSQL): the keys it returns are the rows it inserted; the others were duplicates.
    /// </summary>
    private static async Task<HashSet<(string, string)>> InsertAsync(
        CoachBotDbContext db, List<PendingWrite> batch, string claimant, long leaseUntil, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<(string, string)>();
        var records = batch.Where(w => w.Record is not null).Select(w => w.Record!).DistinctBy(d => (d.Platform, d.DeliveryKey)).ToList();
        if (records.Count == 0)
        {
            return inserted;
        }

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder(
            "INSERT INTO inbound_deliveries (\"Platform\", \"DeliveryKey\", \"Kind\", \"Payload\", \"ReceivedAt\", \"UsefulUntil\", \"Status\", \"Attempts\", \"ClaimedBy\", \"LeaseUntil\") VALUES ");
        Add(command, "@me", claimant);
        Add(command, "@lease", leaseUntil);
        for (var i = 0; i < records.Count; i++)
        {
            var d = records[i];
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@p{i}_0, @p{i}_1, @p{i}_2, @p{i}_3, @p{i}_4, @p{i}_5, '{PendingStatus}', 1, @me, @lease)");
            Add(command, $"@p{i}_0", d.Platform);
            Add(command, $"@p{i}_1", d.DeliveryKey);
            Add(command, $"@p{i}_2", d.Kind);
            Add(command, $"@p{i}_3", d.Payload);
            Add(command, $"@p{i}_4", d.ReceivedAt.ToUnixTimeMilliseconds());
            Add(command, $"@p{i}_5", d.UsefulUntil.ToUnixTimeMilliseconds());
        }

        sql.Append(" ON CONFLICT (\"Platform\", \"DeliveryKey\") DO NOTHING RETURNING \"Platform\", \"DeliveryKey\"");
#pragma warning disable CA2100 // Only parameter names and a constant are interpolated; every value is a parameter.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            inserted.Add((reader.GetString(0), reader.GetString(1)));
        }

        return inserted;

        static void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private static readonly string PendingStatus = nameof(InboundDeliveryStatus.Pending);
    private static readonly string CompletedStatus = nameof(InboundDeliveryStatus.Completed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing this process's inbox leases failed; trying again shortly")]
    private partial void LogRenewFailed(Exception exception);

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
