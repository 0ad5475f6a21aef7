namespace CoachBot.Storage.Tests.Faults;

/// <summary>
/// Write transactions of this process on one SQLite file take turns in arrival order (SqliteWriteTurns): a write waits
/// for the transaction before it without asking SQLite for the lock, a transaction that ends without committing gives
/// its turn up, and a turn not given within Storage:BusyTimeoutMilliseconds fails as a transient fault.
/// </summary>
public sealed class SqliteWriteTurnsTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_write_waits_for_the_open_transaction_before_it_then_records_once()
    {
        var contexts = Contexts(busyTimeoutMilliseconds: 30_000);
        var store = new QuizStore(contexts);
        await StartWithOneAnswerAsync(store);
        var signalling = new TransactionStartSignallingContexts(Options(busyTimeoutMilliseconds: 30_000));
        var clicks = new QuizStore(signalling);

        Task<RecordAnswerResult> click;
        await using (var first = contexts.CreateDbContext())
        await using (var transaction = await first.Database.BeginTransactionAsync())
        {
            click = clicks.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None);
            await Task.WhenAny(signalling.Starting, Task.Delay(300));

            // Still queued behind the open transaction: it has not begun its own (asked SQLite for the lock).
            Assert.False(signalling.Starting.IsCompleted);
            await transaction.CommitAsync();
        }

        var result = await click.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(RecordAnswerOutcome.Recorded, result.Outcome);
        Assert.Equal(2, (await store.AnswersAsync("s1", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_gives_its_turn_up()
    {
        var contexts = Contexts(busyTimeoutMilliseconds: 30_000);
        var store = new QuizStore(contexts);
        await StartWithOneAnswerAsync(store);

        await using (var abandoned = contexts.CreateDbContext())
        {
            await using var transaction = await abandoned.Database.BeginTransactionAsync();
        }

        // A short busy timeout: a turn still held would fail this write.
        var quick = new QuizStore(Contexts(busyTimeoutMilliseconds: 100));
        var result = await quick.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.Recorded, result.Outcome);
    }

    [Fact]
    public async Task A_turn_not_given_within_the_busy_timeout_fails_as_transient_and_records_nothing()
    {
        var contexts = Contexts(busyTimeoutMilliseconds: 30_000);
        var store = new QuizStore(contexts);
        await StartWithOneAnswerAsync(store);
        var quick = new QuizStore(Contexts(busyTimeoutMilliseconds: 100));

        await using (var first = contexts.CreateDbContext())
        await using (await first.Database.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => quick.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None));

            Assert.True(StorageFaults.IsTransient(error), error.ToString());
        }

        Assert.Single(await store.AnswersAsync("s1", CancellationToken.None));
        Assert.Equal(RecordAnswerOutcome.Recorded, (await quick.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Concurrent_writes_all_land_and_leave_the_queue_free()
    {
        var store = new QuizStore(Contexts(busyTimeoutMilliseconds: 30_000));
        var sessions = Enumerable.Range(0, 24).Select(i => "s" + i).ToList();
        foreach (var session in sessions)
        {
            // One active quiz per member and channel: each session in its own channel.
            var started = QuizClicks.Session(session);
            started.ConversationKey = "discord:g1/" + session;
            Assert.True((await store.StartAsync(started, CancellationToken.None)).Started);
        }

        var results = await Task.WhenAll(sessions.Select(session => Task.Run(() => store.RecordAnswerAsync(QuizClicks.Click(session, 0), CancellationToken.None))));

        Assert.All(results, result => Assert.Equal(RecordAnswerOutcome.Recorded, result.Outcome));
        var quick = new QuizStore(Contexts(busyTimeoutMilliseconds: 100));
        Assert.Equal(RecordAnswerOutcome.Recorded, (await quick.RecordAnswerAsync(QuizClicks.Click("s0", 1), CancellationToken.None)).Outcome);
    }

    private CoachBotDbContextFactory Contexts(int busyTimeoutMilliseconds) =>
        new CoachBotDbContextFactory(Microsoft.Extensions.Options.Options.Create(Options(busyTimeoutMilliseconds)));

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
}
