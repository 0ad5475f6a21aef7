using System.Globalization;
using CoachBot.Core.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Sqlite;

/// <summary>
/// Moves SQLite's write-ahead log into the database file every <see cref="Interval"/>, from its own connection, so no
/// write pays for it. The bot's connections run with <c>wal_autocheckpoint=0</c> (<see cref="SqliteConnectionPragmas"/>):
/// with SQLite's default, the commit that pushes the log past 1,000 pages also copies the log into the database and
/// fsyncs it before it returns, and when that commit was the inbound inbox's group commit, a burst's acknowledgements
/// waited for it (500 Socket Mode envelopes: ack p99 124–298 ms with it, 27–78 ms without). A PASSIVE checkpoint takes
/// no write lock and waits for nobody; on stop a TRUNCATE checkpoint leaves the log empty. The first sweep runs at
/// start, so a log that command-line runs left behind is folded in too. Nothing to do on PostgreSQL.
/// </summary>
public sealed partial class SqliteCheckpointer(IOptions<StorageOptions> options, TimeProvider time, ILogger<SqliteCheckpointer> logger)
    : PeriodicSweepService(time)
{
    private readonly bool _enabled = options.Value.Provider == StorageProvider.Sqlite;

    protected override TimeSpan Interval { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Runs one checkpoint; returns the log's frames and how many of them are now in the database file.</summary>
    public async Task<(int LogFrames, int Checkpointed)> CheckpointAsync(string mode, CancellationToken cancellationToken)
    {
        if (mode is not ("PASSIVE" or "TRUNCATE"))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "PASSIVE or TRUNCATE.");
        }

        await using var connection = new SqliteConnection(StorageContextOptions.SqliteConnectionString(options.Value));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Another process checkpointing the same file answers SQLITE_BUSY, which Microsoft.Data.Sqlite retries on this
        // (blocked) thread until the command timeout: a second, and the next sweep tries again.
        command.CommandTimeout = 1;
#pragma warning disable CA2100 // One of two constants.
        command.CommandText = "PRAGMA wal_checkpoint(" + mode + ")";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (0, 0);
        }

        // busy, log frames, checkpointed frames (-1 when the database is not in WAL mode).
        return (Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!_enabled)
        {
            return;
        }

        try
        {
            await CheckpointAsync("TRUNCATE", cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Stopping: a log left behind is folded in by the next start's first sweep.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }

    protected override async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        if (_enabled)
        {
            await CheckpointAsync("PASSIVE", cancellationToken).ConfigureAwait(false);
        }
    }

    protected override void OnSweepFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the SQLite write-ahead log failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
