namespace CoachBot.Coaching.Tests.Interview.Support;

/// <summary>One interview host (and SQLite file) shared by a test class; tests keep apart by using their own channel.</summary>
public sealed class InterviewHostFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("coachbot-interview", Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools);

    public InterviewHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await InterviewHost.StartAsync(_data.Path);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public void Dispose() => _data.Dispose();
}
