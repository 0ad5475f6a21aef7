using System.Data.Common;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoachBot.Storage.Tests.Sqlite;

/// <summary>
/// Writes nobody was told are recorded commit without an fsync (<see cref="SqliteDurability.Relaxed"/>): their
/// transaction runs at <c>synchronous=NORMAL</c>, and the connection goes back to the configured <c>FULL</c> when it
/// ends, so the next write on the same pooled connection (a quiz answer) is fsynced again. Read with
/// <c>PRAGMA synchronous</c> (1 = NORMAL, 2 = FULL) on the connection of the transaction.
/// </summary>
public sealed class SqliteDurabilityTests : IAsyncLifetime
{
    private const long Normal = 1;
    private const long Full = 2;

    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Transaction_InsideRelaxedScope_CommitsAtNormalAndTheConnectionReturnsToFull()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        Assert.Equal(Full, await SynchronousAsync(connection, null));

        using (SqliteDurability.Relaxed())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(Normal, await SynchronousAsync(connection, transaction.GetDbTransaction()));
            await transaction.CommitAsync();
        }

        Assert.Equal(Full, await SynchronousAsync(connection, null));
    }

    [Fact]
    public async Task Transaction_OutsideRelaxedScope_StaysFull()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        await using var transaction = await db.Database.BeginTransactionAsync();

        Assert.Equal(Full, await SynchronousAsync(connection, transaction.GetDbTransaction()));
    }

    [Fact]
    public async Task RelaxedTransaction_RolledBack_TheConnectionReturnsToFull()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        using (SqliteDurability.Relaxed())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(Full, await SynchronousAsync(connection, null));
    }

    [Fact]
    public async Task ConversationTurn_Remembered_IsStoredAndLeavesThePooledConnectionAtFull()
    {
        var memory = new ConversationMemoryStore(
            _database.Contexts,
            Microsoft.Extensions.Options.Options.Create(new CoachBot.Core.Conversations.Memory.ConversationMemoryOptions()),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ConversationMemoryStore>.Instance);
        var conversation = new CoachBot.Core.Conversations.ConversationKey(CoachBot.Core.Conversations.ChatPlatform.Terminal, "local", "c1");

        await memory.RememberAsync(conversation, "u1", new CoachBot.Core.Conversations.Memory.ConversationTurn("q", "q", "a", DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Single(await memory.RecentAsync(conversation, "u1", CancellationToken.None));
        // The pool hands the same connection out again: it must be back at the configured level.
        await using var db = await _database.Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(Full, await SynchronousAsync(db.Database.GetDbConnection(), null));
    }

    private static async Task<long> SynchronousAsync(DbConnection connection, DbTransaction? transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA synchronous";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
