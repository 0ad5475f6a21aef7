namespace CoachBot.Storage.Tests.Faults;

/// <summary>
/// Quiz clicks while another connection holds SQLite's write lock: a lock released within
/// Storage:BusyTimeoutMilliseconds is waited out and the click counts once; one held longer makes the click fail as a
/// transient fault with nothing recorded, and the same click repeated afterwards counts once.
/// </summary>
public sealed class SqliteLockedTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RecordAnswerAsync_WriteLockReleasedWithinTheBusyTimeout_WaitsAndRecordsOnce()
    {
        var options = Options(busyTimeoutMilliseconds: 30_000);
        var contexts = new TransactionStartSignallingContexts(options);
        var store = new QuizStore(contexts);
        await StartWithOneAnswerAsync(store);

        Task<RecordAnswerResult> click;
        await using (var writeLock = await SqliteWriteLock.TakeAsync(options))
        {
            // Microsoft.Data.Sqlite waits for a lock synchronously, so the click gets a thread of its own.
            click = Task.Run(() => store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None));
            await contexts.Starting.WaitAsync(TimeSpan.FromSeconds(30));
            // Give the click a moment to reach the lock and wait on it; the outcome does not depend on it.
            await Task.Delay(200);
            await writeLock.ReleaseAsync();
        }

        var result = await click.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(RecordAnswerOutcome.Recorded, result.Outcome);
        await AssertAnsweredAsync(store, 2);
    }

    [Fact]
    public async Task RecordAnswerAsync_WriteLockHeldPastTheBusyTimeout_FailsAsTransientAndRecordsNothing()
    {
        var store = new QuizStore(new CoachBotDbContextFactory(Microsoft.Extensions.Options.Options.Create(Options(busyTimeoutMilliseconds: 100))));
        await StartWithOneAnswerAsync(store);

        await using (await SqliteWriteLock.TakeAsync(_database.Options))
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None));

            Assert.True(StorageFaults.IsTransient(error), error.ToString());
        }

        await AssertAnsweredAsync(store, 1);
        var again = await store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None);
        var replay = await store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.Recorded, again.Outcome);
        Assert.Equal(RecordAnswerOutcome.AlreadyAnswered, replay.Outcome);
        await AssertAnsweredAsync(store, 2);
    }

    [Fact]
    public void IsTransient_ConstraintViolation_IsNotTransient()
    {
        var violation = new Microsoft.Data.Sqlite.SqliteException("UNIQUE constraint failed", 19);

        Assert.False(StorageFaults.IsTransient(new Microsoft.EntityFrameworkCore.DbUpdateException("conflict", violation)));
        Assert.True(StorageFaults.IsTransient(new Microsoft.Data.Sqlite.SqliteException("database is locked", 5)));
    }

    private StorageOptions Options(int busyTimeoutMilliseconds) => new()
    {
        Provider = StorageProvider.Sqlite,
        DataDirectory = _database.Options.DataDirectory,
        BusyTimeoutMilliseconds = busyTimeoutMilliseconds,
    };

    private static async Task StartWithOneAnswerAsync(QuizStore store)
    {
        Assert.True((await store.StartAsync(QuizClicks.Session("s1"), CancellationToken.None)).Started);
        Assert.Equal(RecordAnswerOutcome.Recorded, (await store.RecordAnswerAsync(QuizClicks.Click("s1", 0), CancellationToken.None)).Outcome);
    }

    private static async Task AssertAnsweredAsync(QuizStore store, int count)
    {
        var answers = await store.AnswersAsync("s1", CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, count), answers.Select(a => a.QuestionIndex));
        var session = await store.FindAsync("s1", CancellationToken.None);
        Assert.Equal(count, session!.CurrentIndex);
        Assert.Equal(count, session.CorrectCount);
    }
}
