using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoachBot.Storage;

/// <summary>Applies pending migrations of the configured provider. EF takes a database lock while migrating, so two processes starting together are safe.</summary>
public sealed partial class StorageInitializer(
    IDbContextFactory<CoachBotDbContext> contexts,
    ILogger<StorageInitializer> logger) : IStorageInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
