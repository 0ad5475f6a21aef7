namespace CoachBot.Coaching.Tests.Quiz;

/// <summary>
/// Answer clicks through the real dispatcher while another connection holds the SQLite write lock past
/// Storage:BusyTimeoutMilliseconds: the person gets a plain apology asking for the click again (not a generic error,
/// not a silent loss), nothing is recorded, and the repeated click counts once.
/// </summary>
public sealed class QuizDatabaseLockedTests : IAsyncLifetime
{
    private readonly CommandContext _ada = QuizTestHost.User("1", "Ada");
    private QuizTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await QuizTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Storage:BusyTimeoutMilliseconds"] = "100" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnswerClick_DatabaseLockedPastTheBusyTimeout_ApologisesAndTheRepeatedClickCountsOnce()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        var correct = await _host.CorrectOptionAsync(session, 0);
        var click = QuizButtons.Answer(session, 0, correct);

        Reply refused;
        await using (var writeLock = await WriteLock.TakeAsync(_host.DataDirectory))
        {
            refused = await Task.Run(() => _host.ClickAsync(_ada, click));
        }

        Assert.Equal(QuizButtonHandler.AnswerNotSaved, refused.Text);
        Assert.Equal(ReplyVisibility.Ephemeral, refused.Visibility);
        Assert.Empty(await _host.Store.AnswersAsync(session, CancellationToken.None));

        var again = await _host.ClickAsync(_ada, click);
        var replay = await _host.ClickAsync(_ada, click);

        Assert.Equal("Quiz · Question 2/3", again.Title);
        Assert.Contains("already answered question 1", replay.Text, StringComparison.Ordinal);
        var answer = Assert.Single(await _host.Store.AnswersAsync(session, CancellationToken.None));
        Assert.True(answer.IsCorrect);
        var stored = await _host.Store.FindAsync(session, CancellationToken.None);
        Assert.Equal((1, 1), (stored!.CurrentIndex, stored.CorrectCount));
    }

    [Fact]
    public async Task AnswerClick_DatabaseLockedBriefly_IsWaitedOutAndRecordedOnce()
    {
        await using var patient = await QuizTestHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Storage:BusyTimeoutMilliseconds"] = "30000" });
        var session = QuizTestHost.SessionOf(await patient.QuizAsync(_ada, "databases", 3));
        var click = QuizButtons.Answer(session, 0, await patient.CorrectOptionAsync(session, 0));

        Task<Reply> clicked;
        await using (var writeLock = await WriteLock.TakeAsync(patient.DataDirectory))
        {
            // Microsoft.Data.Sqlite waits for a lock synchronously, so the click gets a thread of its own.
            clicked = Task.Run(() => patient.ClickAsync(_ada, click));
            await Task.Delay(200);
        }

        var reply = await clicked.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("Quiz · Question 2/3", reply.Title);
        Assert.Single(await patient.Store.AnswersAsync(session, CancellationToken.None));
    }

    /// <summary>Another connection holding the write lock (BEGIN IMMEDIATE) until disposed.</summary>
    private sealed class WriteLock : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;

        private WriteLock(SqliteConnection connection) => _connection = connection;

        public static async Task<WriteLock> TakeAsync(string dataDirectory)
        {
            var path = Path.Combine(dataDirectory, StorageOptions.DefaultSqliteFileName);
            var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE;";
            await command.ExecuteNonQueryAsync();
            return new WriteLock(connection);
        }

        public async ValueTask DisposeAsync()
        {
            await using (var command = _connection.CreateCommand())
            {
                command.CommandText = "ROLLBACK;";
                await command.ExecuteNonQueryAsync();
            }

            await _connection.DisposeAsync();
        }
    }
}
