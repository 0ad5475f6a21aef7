using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoachBot.Storage;

/// <summary>
/// Applies pending migrations of the configured provider. On PostgreSQL, several processes starting together on a new
/// database are serialised: the database is created by whichever gets there first (the others take "already exists" as
/// done), and migrations run under a session advisory lock, the pending list read only once the lock is held, so the
/// processes after the first find nothing left to apply. (Measured: three processes on an empty database, without this,
/// two failed to start with 42P04 "database already exists" and 42P07 "relation already exists".) SQLite's single file
/// is migrated under EF's own lock.
/// </summary>
public sealed partial class StorageInitializer(
    IDbContextFactory<CoachBotDbContext> contexts,
    ILogger<StorageInitializer> logger) : IStorageInitializer
{
    /// <summary>The advisory-lock key migrations take on PostgreSQL (any constant the application does not use elsewhere).</summary>
    public const long PostgresMigrationLockKey = 0x436F_6163_6842_6F74; // "CoachBot"

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            await CreatePostgresDatabaseIfMissingAsync(db, cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PostgresMigrationLockKey})", cancellationToken);
                try
                {
                    await MigrateAsync(db, cancellationToken);
                }
                finally
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PostgresMigrationLockKey})", CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return;
        }

        await MigrateAsync(db, cancellationToken);
    }

    private static async Task CreatePostgresDatabaseIfMissingAsync(CoachBotDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it between our check and our CREATE DATABASE: it exists, which is all we need.
        }
    }

    private async Task MigrateAsync(CoachBotDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            LogUpToDate(db.Database.ProviderName ?? "?");
            return;
        }

        var provider = db.Database.ProviderName ?? "?";
        var names = string.Join(", ", pending);
        LogMigrating(pending.Count, provider, names);
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ({Provider}) is up to date")]
    private partial void LogUpToDate(string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) on {Provider}: {Migrations}")]
    private partial void LogMigrating(int count, string provider, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage migrations applied")]
    private partial void LogMigrated();
}
