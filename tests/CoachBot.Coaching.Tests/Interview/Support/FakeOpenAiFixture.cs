using CoachBot.Testing.FakeOpenAi;

namespace CoachBot.Coaching.Tests.Interview.Support;

/// <summary>The fake OpenAI-compatible server (on 127.0.0.1) and a database folder, shared by one test class.</summary>
public sealed class FakeOpenAiFixture : IAsyncLifetime, IDisposable
{
    public const string ApiKey = "sk-interview-test";

    private readonly TempDirectory _data = new("coachbot-interview", Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools);

    public FakeOpenAiServer Server { get; private set; } = null!;

    public string DataDirectory => _data.Path;

    public async Task InitializeAsync()
    {
        Server = await FakeOpenAiServer.StartAsync();
        Server.RequiredApiKey = ApiKey;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose() => _data.Dispose();
}
