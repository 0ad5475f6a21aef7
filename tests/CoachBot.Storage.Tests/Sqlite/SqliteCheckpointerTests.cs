using CoachBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Storage.Tests.Sqlite;

/// <summary>
/// No commit checkpoints the write-ahead log on its way (the bot's connections run <c>wal_autocheckpoint=0</c>); the
/// <see cref="SqliteCheckpointer"/> folds the log into the database file in the background, and on stop empties it.
/// </summary>
public sealed class SqliteCheckpointerTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task BotConnection_Opened_HasAutomaticCheckpointsOff()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";

        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Checkpoint_AfterWrites_MovesTheWholeLogIntoTheDatabase()
    {
        // Other test classes clear every SQLite pool when they dispose their databases (in parallel with this one). If
        // that closed the last connection to this database, SQLite would checkpoint the log on close and leave nothing
        // for the checkpointer to do: an idle connection of our own keeps the log in place until we have looked. It must
        // have read once: SQLite opens lazily, and only a connection that has read holds the shared lock that stops a
        // closing connection from checkpointing and deleting the log (an open connection that never read did not, which
        // is why this test still failed now and then after the keeper was first added).
        await using var keeper = new SqliteConnection(
            $"Data Source={Path.Combine(_database.Directory, StorageOptions.DefaultSqliteFileName)};Pooling=False");
        await keeper.OpenAsync();
        await using (var read = keeper.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            await read.ExecuteScalarAsync();
        }
        await WriteTurnsAsync(40);
        SqliteConnection.ClearAllPools(); // what another class's clean-up does at any moment: the keeper must hold
        var checkpointer = Checkpointer();

        var (logFrames, checkpointed) = await checkpointer.CheckpointAsync("PASSIVE", CancellationToken.None);

        Assert.True(logFrames > 0, "the writes went to the log, not the database file");
        Assert.Equal(logFrames, checkpointed);
    }

    [Fact]
    public async Task Stop_AfterWrites_LeavesTheLogEmpty()
    {
        await WriteTurnsAsync(10);
        var checkpointer = Checkpointer();
        await checkpointer.StartAsync(CancellationToken.None);

        await checkpointer.StopAsync(CancellationToken.None);

        var wal = Path.Combine(_database.Directory, StorageOptions.DefaultSqliteFileName + "-wal");
        Assert.True(!File.Exists(wal) || new FileInfo(wal).Length == 0, "TRUNCATE leaves an empty log");
    }

    [Fact]
    public async Task Checkpointer_WithPostgresConfigured_NeverOpensTheConnectionStringAsSqlite()
    {
        // Read as a SQLite connection string, "Host=…" is refused (ArgumentException): any checkpoint attempt would fail
        // and be logged as a warning, and the TRUNCATE on stop would fail the same way.
        var logs = new List<string>();
        var checkpointer = new SqliteCheckpointer(
            Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=127.0.0.1;Port=1" }),
            TimeProvider.System,
            new ListLogger(logs));

        var error = await Record.ExceptionAsync(async () =>
        {
            await checkpointer.StartAsync(CancellationToken.None);
            await Task.Delay(200);
            await checkpointer.StopAsync(CancellationToken.None);
        });

        Assert.Null(error);
        Assert.Empty(logs);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => checkpointer.CheckpointAsync("PASSIVE", CancellationToken.None));
    }

    private sealed class ListLogger(List<string> lines) : Microsoft.Extensions.Logging.ILogger<SqliteCheckpointer>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add(formatter(state, exception));
            }
        }
    }

    private SqliteCheckpointer Checkpointer() =>
        new(Options.Create(_database.Options), TimeProvider.System, NullLogger<SqliteCheckpointer>.Instance);

    private async Task WriteTurnsAsync(int count)
    {
        var memory = new CoachBot.Storage.Conversations.ConversationMemoryStore(
            _database.Contexts,
            Options.Create(new CoachBot.Core.Conversations.Memory.ConversationMemoryOptions()),
            TimeProvider.System,
            NullLogger<CoachBot.Storage.Conversations.ConversationMemoryStore>.Instance);
        for (var i = 0; i < count; i++)
        {
            var conversation = new CoachBot.Core.Conversations.ConversationKey(CoachBot.Core.Conversations.ChatPlatform.Terminal, "local", "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await memory.RememberAsync(conversation, "u1", new CoachBot.Core.Conversations.Memory.ConversationTurn("q", "q", new string('a', 2000), DateTimeOffset.UtcNow), CancellationToken.None);
        }
    }
}
