using Npgsql;

namespace CoachBot.Storage.Tests.Faults;

/// <summary>
/// Quiz clicks while PostgreSQL connections break: the store talks to the real server through a
/// <see cref="TcpFaultProxy"/> that resets connections the way a server restart does (or the server itself terminates
/// the backends). The execution strategy (EnableRetryOnFailure) runs the whole transaction again on a fresh
/// connection, and the answer counts exactly once.
/// </summary>
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresConnectionFaultTests : IAsyncLifetime
{
    // The COMMIT statement and its completion tag as they cross the wire (NUL-terminated), unlike "READ COMMITTED" in a BEGIN.
    private const string CommitMessage = "COMMIT\0";

    private PostgresTestDatabase _database = null!;
    private TcpFaultProxy _proxy = null!;
    private StorageOptions _viaProxy = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var direct = new NpgsqlConnectionStringBuilder(_database.Options.ConnectionString);
        _proxy = TcpFaultProxy.Start(direct.Host!, direct.Port);
        _viaProxy = WithRetries(6);
    }

    public async Task DisposeAsync()
    {
        foreach (var retries in new[] { 0, 1, 6 })
        {
            await using var connection = new NpgsqlConnection(WithRetries(retries).ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        await _proxy.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static QuizStore Store(StorageOptions options) => new(new CoachBotDbContextFactory(Options.Create(options)));

    /// <summary>The store straight to the server, to check what was stored.</summary>
    private QuizStore Direct => new(_database.Contexts);

    [PostgresFact]
    public async Task RecordAnswerAsync_EveryConnectionResetBetweenClicks_NextClickIsRecordedOnce()
    {
        var store = Store(_viaProxy);
        await StartWithOneAnswerAsync(store);
        var connectionsBefore = _proxy.Accepted;

        Assert.True(_proxy.DropAll() > 0);
        var result = await store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.Recorded, result.Outcome);
        Assert.True(_proxy.Accepted > connectionsBefore);
        await AssertAnsweredAsync(2);
    }

    [PostgresFact]
    public async Task RecordAnswerAsync_ConnectionResetBeforeTheInsertReachesTheServer_TransactionIsRunAgainAndCountsOnce()
    {
        var store = Store(_viaProxy);
        await StartWithOneAnswerAsync(store);

        var dropped = _proxy.ArmDrop("INSERT INTO quiz_answers");
        var result = await store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None);

        Assert.True(dropped.IsCompleted);
        Assert.Equal(RecordAnswerOutcome.Recorded, result.Outcome);
        await AssertAnsweredAsync(2);
    }

    [PostgresFact]
    public async Task RecordAnswerAsync_ConnectionResetBeforeTheCommitReachesTheServer_TransactionIsRunAgainAndCountsOnce()
    {
        var store = Store(_viaProxy);
        await StartWithOneAnswerAsync(store);

        var dropped = _proxy.ArmDrop(CommitMessage);
        var result = await store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None);

        Assert.True(dropped.IsCompleted);
        Assert.Equal(RecordAnswerOutcome.Recorded, result.Outcome);
        await AssertAnsweredAsync(2);
    }

    [PostgresFact]
    public async Task RecordAnswerAsync_ConnectionResetAfterTheServerCommitted_RetryFindsTheAnswerAndCountsItOnce()
    {
        var store = Store(_viaProxy);
        await StartWithOneAnswerAsync(store);

        // The commit lands but its acknowledgement is lost: the retried transaction must not record the click again.
        var dropped = _proxy.ArmDrop(CommitMessage, serverText: CommitMessage);
        var result = await store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None);

        Assert.True(dropped.IsCompleted);
        Assert.Equal(RecordAnswerOutcome.AlreadyAnswered, result.Outcome);
        Assert.Equal(1, result.Answer!.QuestionIndex);
        await AssertAnsweredAsync(2);
    }

    [PostgresFact]
    public async Task RecordAnswerAsync_InsertLostWithRetriesOff_FailsAsTransientAndTheRepeatedClickCountsOnce()
    {
        var store = Store(WithRetries(0));
        await StartWithOneAnswerAsync(store);

        // Storage:MaxRetryCount 0: the failure reaches the caller as transient (not as a concurrent click's conflict).
        var dropped = _proxy.ArmDrop("INSERT INTO quiz_answers");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None));

        Assert.True(dropped.IsCompleted);
        Assert.True(StorageFaults.IsTransient(error), error.ToString());
        await AssertAnsweredAsync(1);
        Assert.Equal(RecordAnswerOutcome.Recorded, (await store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None)).Outcome);
        await AssertAnsweredAsync(2);
    }

    [PostgresFact]
    public async Task RecordAnswerAsync_ServerTerminatedTheBackends_NextClickIsRecordedOnce()
    {
        var store = Store(_viaProxy);
        await StartWithOneAnswerAsync(store);

        // What the pool's idle connections see when PostgreSQL shuts down or restarts: FATAL 57P01, then EOF.
        Assert.True(await TerminateProxiedBackendsAsync() > 0);
        var result = await store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.Recorded, result.Outcome);
        await AssertAnsweredAsync(2);
    }

    [PostgresFact]
    public async Task RecordAnswerAsync_ServerDownLongerThanTheRetries_FailsAsTransientAndTheRepeatedClickCountsOnce()
    {
        var store = Store(WithRetries(1));
        await StartWithOneAnswerAsync(store);

        _proxy.Refusing = true;
        _proxy.DropAll();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None));

        Assert.True(StorageFaults.IsTransient(error), error.ToString());
        await AssertAnsweredAsync(1);

        _proxy.Refusing = false;
        var again = await store.RecordAnswerAsync(QuizClicks.Click("s1", 1), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.Recorded, again.Outcome);
        await AssertAnsweredAsync(2);
    }

    private StorageOptions WithRetries(int retries)
    {
        var viaProxy = new NpgsqlConnectionStringBuilder(_database.Options.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = _proxy.Port,
            // A pool of its own per setting, so the tests never share broken connections.
            ApplicationName = "coachbot-fault-tests-" + retries,
        };
        return new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = viaProxy.ConnectionString,
            MaxRetryCount = retries,
            MaxRetryDelaySeconds = 2,
        };
    }

    private static async Task StartWithOneAnswerAsync(QuizStore store)
    {
        Assert.True((await store.StartAsync(QuizClicks.Session("s1"), CancellationToken.None)).Started);
        var first = await store.RecordAnswerAsync(QuizClicks.Click("s1", 0), CancellationToken.None);
        Assert.Equal(RecordAnswerOutcome.Recorded, first.Outcome);
    }

    private async Task AssertAnsweredAsync(int count)
    {
        var answers = await Direct.AnswersAsync("s1", CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, count), answers.Select(a => a.QuestionIndex));
        var session = await Direct.FindAsync("s1", CancellationToken.None);
        Assert.Equal(count, session!.CurrentIndex);
        Assert.Equal(count, session.CorrectCount);
    }

    private async Task<int> TerminateProxiedBackendsAsync()
    {
        await using var connection = new NpgsqlConnection(_database.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'coachbot-fault-tests-%'";
        var terminated = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        // Termination is asynchronous: wait (bounded) until the backends are gone.
        command.CommandText =
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'coachbot-fault-tests-%'";
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Convert.ToInt32(await command.ExecuteScalarAsync(guard.Token), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            await Task.Delay(20, guard.Token);
        }

        return terminated;
    }
}
