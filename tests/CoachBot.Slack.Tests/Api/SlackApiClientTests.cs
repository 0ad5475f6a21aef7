namespace CoachBot.Slack.Tests.Api;

public sealed class SlackApiClientTests : IAsyncLifetime, IDisposable
{
    private static readonly SlackMessage Hello = new("hello", [new() { ["type"] = "section", ["text"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "mrkdwn", ["text"] = "hello" } }]);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly HttpClient _http = new();
    private FakeSlackServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { TimeProvider = _clock });

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task RateLimited_WaitsForRetryAfter_ThenRetries()
    {
        var client = CreateClient();
        _fake.RateLimit("chat.postMessage", times: 1, retryAfterSeconds: 3);

        var post = client.PostMessageAsync("C111", Hello, null, CancellationToken.None);
        var limited = await _fake.WaitForCallAsync("chat.postMessage");
        await AdvanceUntilAsync(post);

        var calls = _fake.CallsTo("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.Equal("ratelimited", limited.Error);
        Assert.True(calls[1].ReceivedAt - limited.ReceivedAt >= TimeSpan.FromSeconds(3), "the retry waited for Retry-After");
        Assert.False(string.IsNullOrEmpty((await post).Ts));
    }

    [Fact]
    public async Task RateLimited_OnEveryAttempt_GivesUpAfterTheBoundedAttempts()
    {
        var client = CreateClient();
        _fake.RateLimit("chat.update", times: 100, retryAfterSeconds: 1);

        var update = client.UpdateMessageAsync("C111", "1.1", Hello, CancellationToken.None);
        await AdvanceUntilAsync(update);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => update);
        Assert.Equal("ratelimited", error.Error);
        Assert.Equal(4, _fake.CallsTo("chat.update").Count);
    }

    [Fact]
    public async Task PostsToOneChannel_ArePacedAboutOnePerSecond_OtherChannelsAreNotHeldUp()
    {
        var client = CreateClient(TimeSpan.FromSeconds(1));

        var posts = Enumerable.Range(0, 3).Select(_ => client.PostMessageAsync("C111", Hello, null, CancellationToken.None)).ToList();
        var other = client.PostMessageAsync("C222", Hello, null, CancellationToken.None);
        await other;
        await AdvanceUntilAsync(Task.WhenAll(posts));

        var times = _fake.CallsTo("chat.postMessage").Where(c => c.Field("channel") == "C111").Select(c => c.ReceivedAt).ToList();
        Assert.Equal(3, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1));
        Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(1));
        Assert.All(posts, p => Assert.True(p.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task OkFalse_BecomesATypedException_AndALogLineWithoutTheToken()
    {
        var client = CreateClient();
        _fake.FailNext("chat.postMessage", "channel_not_found");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync("C404", Hello, null, CancellationToken.None));

        Assert.Equal("channel_not_found", error.Error);
        Assert.Equal("chat.postMessage", error.Method);
        Assert.Contains("channel_not_found", _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Options.BotToken, _logs.AllText + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongBotToken_IsInvalidAuth()
    {
        var client = CreateClient(botToken: "xoxb-wrong");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => client.AuthTestAsync(CancellationToken.None));

        Assert.Equal("invalid_auth", error.Error);
        Assert.DoesNotContain("xoxb-wrong", _logs.AllText + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonBody_UsesBearerBotToken_AndUtf8JsonContent()
    {
        var client = CreateClient();

        await client.PostMessageAsync("C111", Hello, "1700000000.000001", CancellationToken.None);

        var call = Assert.Single(_fake.CallsTo("chat.postMessage"));
        Assert.Equal(_fake.Options.BotToken, call.Token);
        Assert.Equal("1700000000.000001", call.Field("thread_ts"));
        Assert.Equal("hello", call.Field("text"));
    }

    [Fact]
    public async Task UserGroupMembers_AreRead()
    {
        var client = CreateClient();
        _fake.SetUserGroup("S1", "U1", "U2");

        var members = await client.GetUserGroupMembersAsync("S1", CancellationToken.None);

        Assert.Equal(["U1", "U2"], members);
    }

    [Fact]
    public async Task ChannelDirectory_FindsTheChannelsWorkspace_AndAnUnknownChannelIsNotFound()
    {
        _fake.AddChannel("C555");
        _fake.AddChannel("C777", "T-other");
        var directory = new CoachBot.Slack.Delivery.SlackChannelDirectory(CreateClient(), Microsoft.Extensions.Logging.Abstractions.NullLogger<CoachBot.Slack.Delivery.SlackChannelDirectory>.Instance);
        var team = _fake.Options.TeamId;

        var inTeam = await directory.CheckAsync(new ConversationKey(ChatPlatform.Slack, team, "C555"), CancellationToken.None);
        var elsewhere = await directory.CheckAsync(new ConversationKey(ChatPlatform.Slack, team, "C777"), CancellationToken.None);
        var unknown = await directory.CheckAsync(new ConversationKey(ChatPlatform.Slack, team, "C999"), CancellationToken.None);

        Assert.Equal(CoachBot.Core.Outbound.ChannelOwnership.InCommunity, inTeam);
        Assert.Equal(CoachBot.Core.Outbound.ChannelOwnership.OtherCommunity, elsewhere);
        Assert.Equal(CoachBot.Core.Outbound.ChannelOwnership.NotFound, unknown);
        Assert.Equal(3, _fake.CallsTo("conversations.info").Count);
    }

    private SlackApiClient CreateClient(TimeSpan? interval = null, string? botToken = null) => new(
        _http,
        Options.Create(new SlackOptions
        {
            BotToken = botToken ?? _fake.Options.BotToken,
            AppToken = _fake.Options.AppToken,
            ApiBaseUrl = _fake.ApiBaseUrl,
            PerChannelMessageInterval = interval ?? TimeSpan.Zero,
        }),
        _clock,
        new Logger<SlackApiClient>(new SingleProviderFactory(_logs)));

    /// <summary>Moves the fake clock in small steps until the task finishes (timers are created at unknown moments).</summary>
    private Task<TimeSpan> AdvanceUntilAsync(Task task) =>
        FakeClockDriver.AdvanceUntilCompletedAsync(task, _clock.Advance, TimeSpan.FromMilliseconds(250), maxSteps: 400);

    private sealed class SingleProviderFactory(ILoggerProvider provider) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
