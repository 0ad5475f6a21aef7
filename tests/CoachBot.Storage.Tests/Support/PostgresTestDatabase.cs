using System.Globalization;
using Npgsql;

namespace CoachBot.Storage.Tests.Support;

/// <summary>
/// A database on the test server (from COACHBOT_TEST_POSTGRES). Each test run creates its own fresh database (migrated
/// once, dropped when the run ends) so runs never interfere; each test starts from empty tables (truncated before it
/// runs). Tests using it must be in <see cref="PostgresRunDatabase"/> so they never run at the same time.
/// <see cref="CreateEmptyAsync"/> gives a brand-new unmigrated database instead, dropped on dispose.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private static readonly Lazy<Task<PostgresTestDatabase>> RunDatabase = new(CreateRunDatabaseAsync);

    private readonly string _serverConnectionString;
    private readonly bool _dropOnDispose;
    private string? _truncate;

    private PostgresTestDatabase(string serverConnectionString, string databaseName, bool dropOnDispose)
    {
        _serverConnectionString = serverConnectionString;
        _dropOnDispose = dropOnDispose;
        DatabaseName = databaseName;
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName };
        Options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = builder.ConnectionString };
    }

    public string DatabaseName { get; }

    public override StorageOptions Options { get; }

    /// <summary>The run's database with every table emptied.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var database = await RunDatabase.Value;
        database._truncate ??= await database.TruncateStatementAsync();
        await ExecuteAsync(database.Options.ConnectionString!, database._truncate);
        return database;
    }

    /// <summary>A brand-new empty database: the caller decides when (and whether) to migrate.</summary>
    public static async Task<PostgresTestDatabase> CreateEmptyAsync()
    {
        var server = PostgresTestEnvironment.RequireConnectionString();
        var name = NewName("coachbot_t_");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return new PostgresTestDatabase(server, name, dropOnDispose: true);
    }

    /// <summary>A name for a database that does not exist yet (the code under test creates it), dropped on dispose.</summary>
    public static PostgresTestDatabase NotYetCreated() =>
        new(PostgresTestEnvironment.RequireConnectionString(), NewName("coachbot_n_"), dropOnDispose: true);

    public override async ValueTask DisposeAsync()
    {
        if (!_dropOnDispose)
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(Options.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await DropAsync(_serverConnectionString, DatabaseName);
    }

    private static async Task<PostgresTestDatabase> CreateRunDatabaseAsync()
    {
        var empty = await CreateEmptyAsync();
        var database = new PostgresTestDatabase(empty._serverConnectionString, empty.DatabaseName, dropOnDispose: false);
        await database.MigrateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            DropAsync(database._serverConnectionString, database.DatabaseName).GetAwaiter().GetResult();
        };
        return database;
    }

    private async Task<string> TruncateStatementAsync()
    {
        await using var connection = new NpgsqlConnection(Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add("\"" + reader.GetString(0) + "\"");
            }
        }

        return $"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE";
    }

    private static string NewName(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{DateTime.UtcNow:MMddHHmmss}_{Guid.NewGuid():N}")[..40];

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task DropAsync(string server, string database)
    {
        try
        {
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
        catch (PostgresException)
        {
            // Best effort: a leftover test database is harmless, and .ci/start-postgres.sh removes stale ones.
        }
        catch (NpgsqlException)
        {
        }
    }
}
