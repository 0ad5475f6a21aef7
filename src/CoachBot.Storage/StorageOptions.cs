using System.ComponentModel.DataAnnotations;

namespace CoachBot.Storage;

/// <summary>Where the coach keeps its data. Bound from the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string DefaultSqliteFileName = "coachbot.db";

    /// <summary><c>Sqlite</c> (default, a file under <see cref="DataDirectory"/>) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder for the SQLite file (created when missing). Relative paths are resolved against the current directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>File name of the SQLite database inside <see cref="DataDirectory"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(@"^[A-Za-z0-9._-]+$", ErrorMessage = "Storage:SqliteFileName must be a plain file name (letters, digits, '.', '_' or '-').")]
    public string SqliteFileName { get; set; } = DefaultSqliteFileName;

    /// <summary>Required for Postgres. For SQLite an optional override of the file-based connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a SQLite writer waits for another writer's lock before failing, in milliseconds.</summary>
    [Range(100, 120_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>
    /// SQLite's <c>PRAGMA synchronous</c> on every connection: <c>Full</c> (default; every commit is on disk before the
    /// user is told it is recorded) or <c>Normal</c> (faster commits; the last ones can be lost on power loss). The cost
    /// per write is in docs/benchmarks.md.
    /// </summary>
    public CoachBot.Storage.Sqlite.SqliteSynchronous SqliteSynchronous { get; set; } = CoachBot.Storage.Sqlite.SqliteSynchronous.Full;

    /// <summary>
    /// PostgreSQL: how many times an operation is retried after a transient failure (dropped or refused connections
    /// during a restart or failover). Each retry runs the whole transaction again. 0 turns retrying off.
    /// SQLite waits for locks with <see cref="BusyTimeoutMilliseconds"/> instead.
    /// </summary>
    [Range(0, 20)]
    public int MaxRetryCount { get; set; } = 6;

    /// <summary>PostgreSQL: the longest pause between two retries, in seconds (pauses grow exponentially up to it).</summary>
    [Range(1, 300)]
    public int MaxRetryDelaySeconds { get; set; } = 30;

    /// <summary>Apply pending migrations when the host starts (turn off only when migrations are applied by a deployment step).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The data directory as an absolute path.</summary>
    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory, Directory.GetCurrentDirectory());
}
