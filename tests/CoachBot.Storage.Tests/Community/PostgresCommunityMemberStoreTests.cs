namespace CoachBot.Storage.Tests.Community;

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresCommunityMemberStoreTests : CommunityMemberStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
