using System.Net;

namespace CoachBot.Discord.Tests.Faults;

/// <summary>
/// Discord answering 429 to many requests in a row. The REST client and the fake share one fake clock, so each request
/// is recorded at the clock time it was sent: the tests count what arrived inside each <c>retry_after</c> window
/// instead of measuring real time.
/// </summary>
public sealed class RestRateLimitStormTests : IAsyncLifetime, IDisposable
{
    private const string Channel = "123456789012345678";
    private readonly CapturingLoggerProvider _logs = new();
    private readonly RequestsInFlight _inFlight = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture));
    private FakeDiscordServer _server = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { TimeProvider = _time });

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task PerRouteStorm_OnOneBucket_OneRequestPerRetryAfterWindow_EveryMessageDeliveredOnce()
    {
        var rest = CreateClient(maxRetries: 3);
        const int senders = 8;
        const int storm = 12;
        for (var i = 0; i < storm; i++)
        {
            _server.EnqueueRateLimit("POST", $"/channels/{Channel}/messages", retryAfterSeconds: 2);
        }

        var sends = await FakeClockDriver.StartAsync(() => Enumerable.Range(0, senders)
            .Select(i => rest.CreateMessageAsync(Channel, new MessagePayload { Content = "m" + i }, CancellationToken.None))
            .ToList());
        await AdvanceUntilCompletedAsync(Task.WhenAll(sends));

        var requests = _server.RequestsTo("POST", $"/channels/{Channel}/messages");
        Assert.Equal(storm, requests.Count(r => r.Status == 429));
        // Nothing beyond what the storm forced: one request per message, plus one retry per 429.
        Assert.Equal(senders + storm, requests.Count);
        AssertNextRequestWaitedRetryAfter(requests, TimeSpan.FromSeconds(2));
        Assert.All(Enumerable.Range(0, senders), i => Assert.Single(requests, r => r.Status == 200 && r.Content == "m" + i));
        Assert.All(sends, s => Assert.True(s.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task StormLongerThanTheRetries_GivesUpWithAnErrorLogWithoutTheToken_AndSendsNoMoreThanTheBound()
    {
        var rest = CreateClient(maxRetries: 2);
        const int senders = 4;
        for (var i = 0; i < 100; i++)
        {
            _server.EnqueueRateLimit("POST", $"/channels/{Channel}/messages", retryAfterSeconds: 1.5);
        }

        var sends = await FakeClockDriver.StartAsync(() => Enumerable.Range(0, senders)
            .Select(i => rest.CreateMessageAsync(Channel, new MessagePayload { Content = "m" + i }, CancellationToken.None))
            .ToList());
        await AdvanceUntilCompletedAsync(Task.WhenAll(sends));

        var requests = _server.RequestsTo("POST", $"/channels/{Channel}/messages");
        Assert.Equal(senders * 3, requests.Count);
        Assert.All(requests, r => Assert.Equal(429, r.Status));
        AssertNextRequestWaitedRetryAfter(requests, TimeSpan.FromSeconds(1.5));
        foreach (var send in sends)
        {
            var error = await Assert.ThrowsAsync<DiscordApiException>(() => send);
            Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        }

        Assert.Equal(senders, _logs.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains("/channels/{channel.id}/messages failed: HTTP 429", StringComparison.Ordinal)));
        Assert.DoesNotContain(_server.Options.Token, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GlobalStorm_NothingIsSentWhilePaused_AndEachWindowCarriesAtMostTheWaitingRequests()
    {
        var rest = CreateClient(maxRetries: 3);
        const int channels = 6;
        for (var i = 0; i < 10; i++)
        {
            _server.EnqueueRateLimit("POST", "/channels/", retryAfterSeconds: 3, global: true);
        }

        var sends = await FakeClockDriver.StartAsync(() => Enumerable.Range(0, channels)
            .Select(i => rest.CreateMessageAsync((900000000000000000 + i).ToString(CultureInfo.InvariantCulture), new MessagePayload { Content = "m" + i }, CancellationToken.None))
            .ToList());
        await AdvanceUntilCompletedAsync(Task.WhenAll(sends));

        var requests = _server.Requests;
        Assert.Equal(10, requests.Count(r => r.Status == 429));
        Assert.Equal(channels + 10, requests.Count);
        Assert.All(sends, s => Assert.True(s.IsCompletedSuccessfully));
        // A global 429 pauses every route: no request at all is sent inside the pause...
        foreach (var limited in requests.Where(r => r.Status == 429))
        {
            Assert.DoesNotContain(requests, r => r.ReceivedAt > limited.ReceivedAt && r.ReceivedAt < limited.ReceivedAt + TimeSpan.FromSeconds(3));
        }

        // ...and each instant the pause lifts carries at most one request per caller still waiting.
        Assert.All(requests.GroupBy(r => r.ReceivedAt), moment => Assert.True(moment.Count() <= channels, $"{moment.Count()} requests at {moment.Key:O}"));
    }

    [Fact]
    public async Task GlobalStorm_OnOneBucket_NoQueuedRequestSlipsOutBeforeThePauseIsKnown()
    {
        var rest = CreateClient(maxRetries: 3);
        const int senders = 6;
        const int storm = 9;
        for (var i = 0; i < storm; i++)
        {
            _server.EnqueueRateLimit("POST", $"/channels/{Channel}/messages", retryAfterSeconds: 2, global: true);
        }

        var sends = await FakeClockDriver.StartAsync(() => Enumerable.Range(0, senders)
            .Select(i => rest.CreateMessageAsync(Channel, new MessagePayload { Content = "m" + i }, CancellationToken.None))
            .ToList());
        await AdvanceUntilCompletedAsync(Task.WhenAll(sends));

        var requests = _server.RequestsTo("POST", $"/channels/{Channel}/messages");
        Assert.Equal(senders + storm, requests.Count);
        AssertNextRequestWaitedRetryAfter(requests, TimeSpan.FromSeconds(2));
    }

    /// <summary>Requests of one bucket go one at a time, so the one recorded after a 429 must have waited it out.</summary>
    private static void AssertNextRequestWaitedRetryAfter(IReadOnlyList<RecordedRequest> requests, TimeSpan retryAfter)
    {
        for (var i = 0; i + 1 < requests.Count; i++)
        {
            if (requests[i].Status == 429)
            {
                var waited = requests[i + 1].ReceivedAt - requests[i].ReceivedAt;
                Assert.True(waited >= retryAfter, $"request {i + 2} went {waited.TotalSeconds} s after the 429 of request {i + 1} (retry_after {retryAfter.TotalSeconds} s)");
            }
        }
    }

    private DiscordRestClient CreateClient(int maxRetries)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddHttpClient(DiscordRestClient.HttpClientName).RemoveAllLoggers().AddHttpMessageHandler(_inFlight.CreateHandler);
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(Options.Create(new DiscordOptions
        {
            Token = _server.Options.Token,
            ApiBaseUrl = _server.ApiBaseUrl,
            MaxRetries = maxRetries,
        }));
        services.AddSingleton<DiscordRestClient>();
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<DiscordRestClient>();
    }

    /// <summary>Moves the fake clock half a second at a time, whenever no request is on the wire, until the task completes.</summary>
    private Task<TimeSpan> AdvanceUntilCompletedAsync(Task task) =>
        FakeClockDriver.AdvanceUntilCompletedAsync(task, _time.Advance, TimeSpan.FromMilliseconds(500), _inFlight);
}
