using CoachBot.Storage.Sqlite;

namespace CoachBot.Storage.Tests.Faults;

/// <summary>
/// Quiz clicks while another connection holds SQLite's write lock: a lock released within
/// Storage:BusyTimeoutMilliseconds is waited out and the click counts once; one held longer makes the click fail as a
/// transient fault with nothing recorded, and the same click repeated afterwards counts once. Write transactions of
/// this process on one file take turns (SqliteWriteTurns): a write waits for the transaction before it without asking
/// SQLite for the lock, a transaction that ends without committing gives its turn up, a turn not given within the
/// busy timeout fails as a transient fault; the line (WriteTurnLine) keeps arrival order, puts the inbox's commit first,
/// and drops a wait that timed out.
/// </summary>
public sealed class SqliteLockedTests : IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

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

    [Fact]
    public async Task A_write_waits_for_the_open_transaction_before_it_then_records_once()
    {
        var (contexts, store) = await StartedWithOneAnswerAsync();
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
        var (contexts, store) = await StartedWithOneAnswerAsync();

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
        var (contexts, store) = await StartedWithOneAnswerAsync();
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

    [Fact]
    public async Task Turns_go_in_arrival_order_except_that_a_waiter_at_the_front_goes_first()
    {
        var line = new WriteTurnLine();
        Assert.True(await line.TakeAsync(first: false, Long));
        var second = line.TakeAsync(first: false, Long);
        var third = line.TakeAsync(first: false, Long);
        var inbox = line.TakeAsync(first: true, Long);

        line.Give();
        Assert.True(await inbox);
        Assert.False(second.IsCompleted);

        line.Give();
        Assert.True(await second);
        Assert.False(third.IsCompleted);

        line.Give();
        Assert.True(await third);
    }

    [Fact]
    public async Task A_wait_past_its_limit_gives_up_and_leaves_the_line()
    {
        var line = new WriteTurnLine();
        Assert.True(await line.TakeAsync(first: false, Long));

        Assert.False(await line.TakeAsync(first: false, TimeSpan.FromMilliseconds(50)));
        var next = line.TakeAsync(first: false, Long);
        line.Give();

        Assert.True(await next);
        line.Give();
        Assert.True(await line.TakeAsync(first: false, TimeSpan.FromMilliseconds(50)));
    }

    /// <summary>A quiz with its first answer recorded, through contexts that wait up to 30 s.</summary>
    private async Task<(CoachBotDbContextFactory Contexts, QuizStore Store)> StartedWithOneAnswerAsync()
    {
        var contexts = Contexts(busyTimeoutMilliseconds: 30_000);
        var store = new QuizStore(contexts);
        await StartWithOneAnswerAsync(store);
        return (contexts, store);
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

    private static async Task AssertAnsweredAsync(QuizStore store, int count)
    {
        var answers = await store.AnswersAsync("s1", CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, count), answers.Select(a => a.QuestionIndex));
        var session = await store.FindAsync("s1", CancellationToken.None);
        Assert.Equal(count, session!.CurrentIndex);
        Assert.Equal(count, session.CorrectCount);
    }
}
