using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Feedback;

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresAnswerFeedbackStoreTests : AnswerFeedbackStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
