namespace CoachBot.Storage.Tests.PassageVectors;

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresPassageVectorStoreTests : PassageVectorStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
