using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Interview;

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresInterviewStoreTests : InterviewStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
