using Npgsql;

namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// A database of its own on the machine's PostgreSQL (<see cref="PostgresProcessFactAttribute.Server"/>) for one
/// multi-process test: created on start, dropped (with every connection to it) at the end.
/// </summary>
public sealed class ScratchPostgresDatabase(string prefix) : IAsyncLifetime
{
    public string Name { get; } = prefix + "_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The server, or a loud failure where the test must run (COACHBOT_REQUIRE_POSTGRES=1) without one.</summary>
    public static string Server => PostgresProcessFactAttribute.Server
        ?? throw new InvalidOperationException("COACHBOT_REQUIRE_POSTGRES=1 but COACHBOT_TEST_POSTGRES is not set: start PostgreSQL with .ci/start-postgres.sh and export its output.");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString;

    public async Task InitializeAsync()
    {
        if (PostgresProcessFactAttribute.Server is { } server)
        {
            await ExecuteAsync(server, $"CREATE DATABASE \"{Name}\"");
        }
    }

    public async Task DisposeAsync()
    {
        if (PostgresProcessFactAttribute.Server is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
    }

    /// <summary>Runs one statement in this database, with <paramref name="parameters"/> bound by name.</summary>
    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
