namespace CoachBot.Storage;

/// <summary>The database engine behind the coach's storage.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file under <see cref="StorageOptions.DataDirectory"/> (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server reached through Npgsql with <see cref="StorageOptions.ConnectionString"/>.</summary>
    Postgres,
}
