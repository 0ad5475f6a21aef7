using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Review;

public sealed class SqliteReviewItemStoreTests : ReviewItemStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}
