using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Interview;

public sealed class SqliteInterviewStoreTests : InterviewStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}
