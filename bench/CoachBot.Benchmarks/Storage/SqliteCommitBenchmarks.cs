using BenchmarkDotNet.Attributes;
using CoachBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CoachBot.Benchmarks.Storage;

/// <summary>
/// The cost of one committed write on a SQLite file in WAL mode with the bot's own connection pragmas
/// (<see cref="SqliteConnectionPragmas.Pragmas"/>), at synchronous=FULL (the default: the WAL is fsynced on every
/// commit) and NORMAL (synced at checkpoints only). Each operation is one small INSERT in its own transaction, the
/// shape of a recorded quiz answer or submission. The file lives under the temp folder, which must be a real disk
/// (not tmpfs) for the figure to mean anything.
/// </summary>
[Config(typeof(StorageJobConfig))]
public class SqliteCommitBenchmarks
{
    public const int WritesPerIteration = 200;

    private SqliteConnection _connection = null!;
    private SqliteCommand _insert = null!;
    private string _directory = null!;
    private long _next;

    [Params(SqliteSynchronous.Full, SqliteSynchronous.Normal)]
    public SqliteSynchronous Synchronous { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "coachbot-commit-bench-" + Guid.NewGuid().ToString("N"))).FullName;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "bench.db") }.ToString());
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
#pragma warning disable CA2100 // The bot's own pragma statement and a fixed DDL.
            setup.CommandText = SqliteConnectionPragmas.Pragmas(5000, Synchronous)
                + " CREATE TABLE answers (id INTEGER PRIMARY KEY, session TEXT NOT NULL, question INTEGER NOT NULL, choice INTEGER NOT NULL, at TEXT NOT NULL);";
#pragma warning restore CA2100
            setup.ExecuteNonQuery();
        }

        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO answers (id, session, question, choice, at) VALUES ($id, 'session-0123456789abcdef', 3, 1, '2026-12-03T23:59:00Z');";
        _insert.Parameters.Add("$id", SqliteType.Integer);
    }

    /// <summary>One committed INSERT per operation (autocommit: one transaction, one commit each).</summary>
    [Benchmark(OperationsPerInvoke = WritesPerIteration, Description = "one committed write")]
    public void CommitOneRow()
    {
        for (var i = 0; i < WritesPerIteration; i++)
        {
            _insert.Parameters[0].Value = ++_next;
            _insert.ExecuteNonQuery();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _insert.Dispose();
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
