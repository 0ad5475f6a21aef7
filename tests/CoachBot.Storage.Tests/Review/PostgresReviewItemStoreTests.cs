using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Review;

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresReviewItemStoreTests : ReviewItemStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
