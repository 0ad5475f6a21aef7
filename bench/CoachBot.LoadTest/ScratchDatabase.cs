using System.Globalization;
using Npgsql;

namespace CoachBot.LoadTest;

/// <summary>
/// A fresh PostgreSQL database for one run (<c>coachbot_load_&lt;random&gt;</c>, created on the --postgres server with
/// its user's CREATEDB right), so runs never see each other's data; dropped (WITH FORCE) when disposed, after the bots
/// have stopped. An interrupted run leaves it behind: its name is printed at the start.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private ScratchDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The bots' Storage:ConnectionString (the server's, with this database).</summary>
    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string server)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(server);
        }
        catch (ArgumentException ex)
        {
            throw new SetupException("--postgres is not a PostgreSQL connection string: " + ex.Message);
        }

        var name = "coachbot_load_" + Guid.NewGuid().ToString("N")[..12];
        var database = new ScratchDatabase(parsed.ConnectionString, name);
        try
        {
            await database.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            throw new SetupException(string.Create(CultureInfo.InvariantCulture,
                $"--postgres: could not create database {name} on {parsed.Host}:{parsed.Port} as {parsed.Username} (the user needs CREATEDB): {ex.Message}"));
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"note: could not drop database {Name}: {ex.Message}");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
