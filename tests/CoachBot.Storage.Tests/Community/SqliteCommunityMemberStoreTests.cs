namespace CoachBot.Storage.Tests.Community;

public sealed class SqliteCommunityMemberStoreTests : CommunityMemberStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}
