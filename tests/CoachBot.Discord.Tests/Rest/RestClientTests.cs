namespace CoachBot.Discord.Tests.Rest;

/// <summary>The REST client against the fake Discord, with a fake clock for rate-limit waits.</summary>
public sealed class RestClientTests : IAsyncLifetime, IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private FakeDiscordServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task RateLimited_WaitsRetryAfterOnTheClock_ThenSucceeds()
    {
        var rest = CreateClient();
        _server.EnqueueRateLimit("POST", "/channels/", retryAfterSeconds: 5);

        var send = rest.CreateMessageAsync("123", new MessagePayload { Content = "hello" }, CancellationToken.None);
        await _server.WaitUntilAsync(() => _server.Requests.Count == 1, "the rate-limited request");
        var advanced = await AdvanceUntilCompletedAsync(send);

        var message = await send;
        Assert.NotNull(message);
        Assert.True(advanced >= TimeSpan.FromSeconds(5), $"retried after {advanced.TotalSeconds} s of clock time");
        Assert.Equal([429, 200], _server.Requests.Select(r => r.Status));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("rate limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExhaustedBucket_NextRequestWaitsForResetAfter()
    {
        var rest = CreateClient();
        _server.ExhaustBucketOnNext("/channels/123/", resetAfterSeconds: 4);
        await rest.CreateMessageAsync("123", new MessagePayload { Content = "one" }, CancellationToken.None);

        var second = rest.CreateMessageAsync("123", new MessagePayload { Content = "two" }, CancellationToken.None);
        var advanced = await AdvanceUntilCompletedAsync(second);

        Assert.True(advanced >= TimeSpan.FromSeconds(4), $"sent after {advanced.TotalSeconds} s of clock time");
        Assert.Equal([200, 200], _server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task GlobalRateLimit_PausesOtherRoutesToo()
    {
        var rest = CreateClient();
        _server.EnqueueRateLimit("POST", "/channels/1/", retryAfterSeconds: 3, global: true);

        var first = rest.CreateMessageAsync("1", new MessagePayload { Content = "a" }, CancellationToken.None);
        await WaitForLogAsync("global: True");
        var second = rest.CreateMessageAsync("2", new MessagePayload { Content = "b" }, CancellationToken.None);
        await Task.Yield();

        Assert.Single(_server.Requests);
        var advanced = await AdvanceUntilCompletedAsync(Task.WhenAll(first, second));
        Assert.True(advanced >= TimeSpan.FromSeconds(3));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task RepeatedRateLimits_GiveUpAfterMaxRetries_NoStorm()
    {
        var rest = CreateClient(maxRetries: 2);
        for (var i = 0; i < 5; i++)
        {
            _server.EnqueueRateLimit("POST", "/channels/", retryAfterSeconds: 1);
        }

        var send = rest.CreateMessageAsync("123", new MessagePayload { Content = "hello" }, CancellationToken.None);
        await AdvanceUntilCompletedAsync(send);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => send);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task RejectedToken_FailsWithAClearMessage_AndNeverLogsTheToken()
    {
        var rest = CreateClient(token: "wrong-token-SECRET-abcdef");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.GetGatewayBotAsync(CancellationToken.None));
        var again = await Assert.ThrowsAsync<DiscordApiException>(() => rest.GetGatewayBotAsync(CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.Status);
        Assert.Single(_server.Requests);
        Assert.Contains("Discord:Token", again.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidFormBody_SurfacesDiscordsCode()
    {
        var rest = CreateClient();

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            rest.CreateMessageAsync("123", new MessagePayload { Content = new string('x', 2001) }, CancellationToken.None));

        Assert.Equal(DiscordErrorCodes.InvalidFormBody, error.Code);
        Assert.Contains("50035", error.Message, StringComparison.Ordinal);
        Assert.Contains("/channels/{channel.id}/messages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRequest_CarriesBotAuthorization_UserAgent_AndJson()
    {
        var rest = CreateClient();

        await rest.CreateMessageAsync("123", new MessagePayload { Content = "hi" }, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("Bot " + _server.Options.Token, request.Header("Authorization"));
        Assert.Matches(@"^DiscordBot \(https://[^,]+, \d+\.\d+\)", request.Header("User-Agent"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("""{"parse":[],"replied_user":false}""", request.Body!["allowed_mentions"]!.ToJsonString());
    }

    private DiscordRestClient CreateClient(string? token = null, int maxRetries = 3)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddHttpClient(DiscordRestClient.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(Options.Create(new DiscordOptions
        {
            Token = token ?? _server.Options.Token,
            ApiBaseUrl = _server.ApiBaseUrl,
            MaxRetries = maxRetries,
        }));
        services.AddSingleton<DiscordRestClient>();
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<DiscordRestClient>();
    }

    private async Task WaitForLogAsync(string text)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!_logs.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal)))
        {
            await Task.Delay(10, guard.Token);
        }
    }

    /// <summary>Moves the fake clock a second at a time until the task completes; returns how far it moved.</summary>
    private Task<TimeSpan> AdvanceUntilCompletedAsync(Task task) =>
        FakeClockDriver.AdvanceUntilCompletedAsync(task, _time.Advance, TimeSpan.FromSeconds(1), maxSteps: 300);
}
