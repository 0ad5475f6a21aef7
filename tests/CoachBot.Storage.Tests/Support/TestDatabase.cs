namespace CoachBot.Storage.Tests.Support;

/// <summary>A fresh, migrated database for one test; deleted on dispose.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    private CoachBotDbContextFactory? _contexts;

    public abstract StorageOptions Options { get; }

    public IDbContextFactory<CoachBotDbContext> Contexts => _contexts ??= new CoachBotDbContextFactory(Microsoft.Extensions.Options.Options.Create(Options));

    public async Task MigrateAsync()
    {
        await new StorageInitializer(Contexts, NullLogger<StorageInitializer>.Instance).InitializeAsync(CancellationToken.None);
    }

    public abstract ValueTask DisposeAsync();
}
