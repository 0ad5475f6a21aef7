using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// Sets the pragmas every SQLite connection needs as it opens: WAL (readers never block the writer), a busy timeout
/// (a second writer waits instead of failing at once) and the synchronous level (<see cref="SqliteSynchronous.Full"/> by
/// default: a commit is on disk before the reply says it is recorded, power loss included). Automatic checkpoints are
/// off (<c>wal_autocheckpoint=0</c>): <see cref="SqliteCheckpointer"/> runs them in the background, so no commit (the
/// inbox's, which acknowledgements wait for, least of all) copies the log into the database on its way.
/// </summary>
public sealed class SqliteConnectionPragmas(int busyTimeoutMilliseconds, SqliteSynchronous synchronous = SqliteSynchronous.Full) : DbConnectionInterceptor
{
    private readonly string _pragmas = Pragmas(busyTimeoutMilliseconds, synchronous);

    /// <summary>The statement run on every new connection (the benchmark runs the same one).</summary>
    public static string Pragmas(int busyTimeoutMilliseconds, SqliteSynchronous synchronous) => string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA synchronous={(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Built from an int option, not from input.
        command.CommandText = _pragmas;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
#pragma warning disable CA2100 // Built from an int option, not from input.
            command.CommandText = _pragmas;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
