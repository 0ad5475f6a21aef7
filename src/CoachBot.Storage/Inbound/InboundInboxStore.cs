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
    private bool? _isSqlite;
    private CoachBotDbContext? _sqliteWriter;

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
        var inserted = await InsertAsync(db, batch, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
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
    private static async Task<HashSet<(string, string)>> InsertAsync(CoachBotDbContext db, List<PendingWrite> batch, CancellationToken cancellationToken)
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
            "INSERT INTO inbound_deliveries (\"Platform\", \"DeliveryKey\", \"Kind\", \"Payload\", \"ReceivedAt\", \"UsefulUntil\", \"Status\", \"Attempts\") VALUES ");
        for (var i = 0; i < records.Count; i++)
        {
            var d = records[i];
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@p{i}_0, @p{i}_1, @p{i}_2, @p{i}_3, @p{i}_4, @p{i}_5, '{PendingStatus}', 1)");
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
