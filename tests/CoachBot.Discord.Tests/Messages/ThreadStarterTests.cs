namespace CoachBot.Discord.Tests.Messages;

/// <summary>Threads count against the global request limit; in a burst above it the answer stays in place.</summary>
public sealed class ThreadStarterTests : IAsyncLifetime
{
    private FakeDiscordServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpClient(DiscordRestClient.HttpClientName).RemoveAllLoggers();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new DiscordOptions
        {
            Token = _server.Options.Token,
            ApiBaseUrl = _server.ApiBaseUrl,
            MaxRequestsPerSecond = 1,
        }));
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<BotThreadRegistry>();
        services.AddSingleton<ThreadStarter>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_QuietQueue_OpensTheThread()
    {
        var starter = _services.GetRequiredService<ThreadStarter>();

        var threadId = await starter.StartAsync("200", "300", Reply.Public("How to get a first backend job"), CancellationToken.None);

        Assert.NotNull(threadId);
        Assert.Single(_server.RequestsTo("POST", "/threads"));
    }

    [Fact]
    public async Task StartAsync_GlobalQueueLongerThanTheBound_AnswersInPlaceWithoutCallingDiscord()
    {
        var rest = _services.GetRequiredService<DiscordRestClient>();
        var starter = _services.GetRequiredService<ThreadStarter>();
        using var stop = new CancellationTokenSource();
        var queued = Enumerable.Range(0, 6)
            .Select(i => rest.CreateMessageAsync("90" + i, new MessagePayload { Content = "burst " + i }, stop.Token))
            .ToList();
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (rest.EstimatedGlobalWait <= ThreadStarter.MaxQueueWait)
            {
                await Task.Delay(10, guard.Token);
            }
        }

        var threadId = await starter.StartAsync("200", "300", Reply.Public("How to get a first backend job"), CancellationToken.None);

        Assert.Null(threadId);
        Assert.Empty(_server.RequestsTo("POST", "/threads"));
        await stop.CancelAsync();
        foreach (var send in queued)
        {
            try
            {
                await send;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
