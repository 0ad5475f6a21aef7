using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace CoachBot.Storage.Tests.Faults;

/// <summary>Another connection holding SQLite's write lock (BEGIN IMMEDIATE) until released, as a long write by another process would.</summary>
internal sealed class SqliteWriteLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private bool _released;

    private SqliteWriteLock(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteWriteLock> TakeAsync(StorageOptions options)
    {
        var path = Path.Combine(options.ResolveDataDirectory(), options.SqliteFileName);
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        await command.ExecuteNonQueryAsync();
        return new SqliteWriteLock(connection);
    }

    public async Task ReleaseAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        await using (var command = _connection.CreateCommand())
        {
            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync();
}

/// <summary>Contexts like the store's, which report when a transaction is about to begin (that is, to ask for the write lock).</summary>
internal sealed class TransactionStartSignallingContexts : DbTransactionInterceptor, IDbContextFactory<CoachBotDbContext>
{
    private readonly DbContextOptions<SqliteCoachBotDbContext> _options;
    private readonly TaskCompletionSource _starting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TransactionStartSignallingContexts(StorageOptions options)
    {
        _options = new DbContextOptionsBuilder<SqliteCoachBotDbContext>(StorageContextOptions.ForSqlite(options))
            .AddInterceptors(this)
            .Options;
    }

    public Task Starting => _starting.Task;

    public CoachBotDbContext CreateDbContext() => new SqliteCoachBotDbContext(_options);

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        _starting.TrySetResult();
        return base.TransactionStartingAsync(connection, eventData, result, cancellationToken);
    }
}
