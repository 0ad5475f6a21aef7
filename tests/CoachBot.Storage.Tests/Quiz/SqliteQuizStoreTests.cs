namespace CoachBot.Storage.Tests.Quiz;

public sealed class SqliteQuizStoreTests : QuizStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}
