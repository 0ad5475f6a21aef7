using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Feedback;

public sealed class SqliteAnswerFeedbackStoreTests : AnswerFeedbackStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}
