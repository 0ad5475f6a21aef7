namespace CoachBot.Storage.Tests.Quiz;

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresQuizStoreTests : QuizStoreContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
