namespace CoachBot.Storage.Tests.PassageVectors;

public sealed class SqlitePassageVectorStoreTests : PassageVectorStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}
