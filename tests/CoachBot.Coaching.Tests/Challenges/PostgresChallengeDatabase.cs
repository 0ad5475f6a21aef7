using System.Globalization;
using Npgsql;

namespace CoachBot.Coaching.Tests.Challenges;

/// <summary>A fresh database on the PostgreSQL test server, migrated by the first bot that starts on it, dropped on dispose.</summary>
public sealed class PostgresChallengeDatabase : IChallengeTestDatabase, IAsyncDisposable
{
    private readonly string _server;

    private PostgresChallengeDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable("COACHBOT_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public string Name { get; }

    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = ConnectionString,
    };

    public static async Task<PostgresChallengeDatabase> CreateAsync()
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException("COACHBOT_REQUIRE_POSTGRES=1 but COACHBOT_TEST_POSTGRES is not set: start PostgreSQL with .ci/start-postgres.sh.");
        var name = string.Create(CultureInfo.InvariantCulture, $"coachbot_ch_{Guid.NewGuid():N}")[..40];
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return new PostgresChallengeDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
