namespace CoachBot.Storage.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels the coach supports (WAL mode).</summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// The default: the WAL is synced on every commit, so a write the user was told is recorded (a quiz answer, a
    /// submission, an acknowledged event) survives a power loss or an OS crash, not only a process crash.
    /// </summary>
    Full,

    /// <summary>Synced at checkpoints only: survives a process crash, but the last commits can vanish on power loss. Cheaper per write.</summary>
    Normal,
}
