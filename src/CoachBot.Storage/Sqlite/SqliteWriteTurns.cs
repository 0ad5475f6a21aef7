using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// Lets this process's SQLite write transactions take the database's single write lock one at a time, in arrival order,
/// waiting asynchronously for their turn. Without it every writer of a burst asks SQLite directly: a writer that finds the
/// lock taken blocks its thread and polls with growing sleeps, so under a burst the lock sits idle between holders while
/// the waiters sleep, threads the acknowledgements need are parked in those waits, and an unlucky writer loses every
/// poll until <c>Storage:BusyTimeoutMilliseconds</c> runs out and its member gets an apology ("database is locked").
/// With the queue a transaction (a <c>SaveChanges</c> or an explicit <c>BeginTransaction</c>) waits here, without a
/// thread, for the one before it to commit or roll back, then begins at once; the wait for a turn is bounded by the same
/// busy timeout (a <see cref="TimeoutException"/>, a transient storage fault, past it). A transaction begun inside
/// <see cref="First"/> (the inbound inbox's group commit, which acknowledgements wait for) goes before every queued
/// feature write: it waits at most for the transaction in progress. Another process still meets the lock in SQLite and
/// waits with the busy timeout. There is one line per database file in the process, whichever contexts write to it.
/// </summary>
public sealed class SqliteWriteTurns : DbConnectionInterceptor, IDbTransactionInterceptor
{
    private static readonly AsyncLocal<bool> Urgent = new();
    private static readonly object Held = new();
    private static readonly ConcurrentDictionary<string, WriteTurnLine> Turns = new(StringComparer.Ordinal);

    private readonly WriteTurnLine _turn;
    private readonly TimeSpan _maxWait;
    private readonly SqliteSynchronous _synchronous;
    private readonly ConditionalWeakTable<DbConnection, object> _holders = [];
    private readonly ConditionalWeakTable<DbConnection, object> _relaxed = [];

    private SqliteWriteTurns(WriteTurnLine turn, TimeSpan maxWait, SqliteSynchronous synchronous)
    {
        _turn = turn;
        _maxWait = maxWait;
        _synchronous = synchronous;
    }

    /// <summary>
    /// The queue of the database file <paramref name="connectionString"/> opens, waiting at most
    /// <paramref name="maxWait"/> for a turn; null for an in-memory database (nothing to share a lock with).
    /// </summary>
    public static SqliteWriteTurns? For(string connectionString, TimeSpan maxWait, SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource)
            || builder.DataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var file = Path.GetFullPath(builder.DataSource);
        return new SqliteWriteTurns(Turns.GetOrAdd(file, _ => new WriteTurnLine()), maxWait, synchronous);
    }

    /// <summary>Transactions begun in this flow (until the result is disposed) go before every queued ordinary one.</summary>
    public static IDisposable First()
    {
        var previous = Urgent.Value;
        Urgent.Value = true;
        return new Restore(previous);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!_turn.Take(Urgent.Value, _maxWait))
        {
            throw TimedOut();
        }

        Hold(connection);

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!await _turn.TakeAsync(Urgent.Value, _maxWait, cancellationToken).ConfigureAwait(false))
        {
            throw TimedOut();
        }

        Hold(connection);

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData);

    /// <summary>A transaction that failed to begin (SQLite busy past the timeout), commit or roll back gives its turn up.</summary>
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData);

    // A transaction disposed without commit or rollback (an exception in the work) ends with its connection: the turn
    // is given up there at the latest.
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Released(connection, result);

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(Released(connection, result));

    public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Released(connection, result);

    public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(Released(connection, result));

    private void Hold(DbConnection connection)
    {
        if (!_holders.TryAdd(connection, Held))
        {
            // This connection already holds the turn (cannot happen: SQLite has no nested transactions); keep one.
            _turn.Give();
            return;
        }

        if (SqliteDurability.IsRelaxed && _synchronous == SqliteSynchronous.Full && _relaxed.TryAdd(connection, Held))
        {
            // Before BEGIN: this transaction's commit skips the fsync (SqliteDurability); the level is restored when it ends.
            SetSynchronous(connection, "NORMAL");
        }
    }

    private static void SetSynchronous(DbConnection connection, string level)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // One of two constants.
        command.CommandText = "PRAGMA synchronous=" + level;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private void Release(DbContextEventData? eventData) => Release(eventData?.Context?.Database.GetDbConnection());

    private Task Released(DbContextEventData? eventData)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    private T Released<T>(DbConnection connection, T result)
    {
        Release(connection);
        return result;
    }

    private void Release(DbConnection? connection)
    {
        if (connection is null || !_holders.Remove(connection))
        {
            return;
        }

        try
        {
            if (_relaxed.Remove(connection))
            {
                // A pooled connection goes back with the configured level. A pragma changes a flag of the connection:
                // no I/O, no lock.
                SetSynchronous(connection, "FULL");
            }
        }
        catch (SqliteException)
        {
            // A broken connection is not reused by the pool, whatever its level.
        }
        finally
        {
            _turn.Give();
        }
    }

    private TimeoutException TimedOut() => new(string.Create(CultureInfo.InvariantCulture,
        $"No turn to write to the SQLite database within {_maxWait.TotalMilliseconds:0} ms (Storage:BusyTimeoutMilliseconds): the writes before it are still queued."));

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Urgent.Value = previous;
    }
}
