namespace CoachBot.Storage.Tests.Support;

/// <summary>Base of every store contract suite: a fresh migrated database per test, of the subclass's provider.</summary>
public abstract class StoreContract : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public async Task InitializeAsync() => _database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();
}
