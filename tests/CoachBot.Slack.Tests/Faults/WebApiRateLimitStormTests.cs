namespace CoachBot.Slack.Tests.Faults;

/// <summary>
/// Slack answering 429 with Retry-After to many Web API calls in a row, while several replies are being sent at once.
/// The client and the fake share a fake clock and the clock only moves while no call is on the wire, so every call is
/// recorded at the clock time it was made: the tests count what arrived inside each Retry-After window.
/// </summary>
public sealed class WebApiRateLimitStormTests : IAsyncLifetime, IDisposable
{
    private static readonly SlackMessage Hello = new("hello", [new() { ["type"] = "section", ["text"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "mrkdwn", ["text"] = "hello" } }]);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly RequestsInFlight _inFlight = new();
    private readonly HttpClient _http;
    private FakeSlackServer _fake = null!;

    public WebApiRateLimitStormTests()
    {
        var counting = _inFlight.CreateHandler();
        counting.InnerHandler = new SocketsHttpHandler();
        _http = new HttpClient(counting);
    }

    public async Task InitializeAsync() => _fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { TimeProvider = _clock });

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task StormOnPostMessage_NoCallInsideARetryAfterWindow_AtMostOneCallPerSenderPerWindow_EachPostedOnce()
    {
        var client = CreateClient(maxAttempts: 4);
        const int senders = 8;
        const int storm = 12;
        _fake.RateLimit("chat.postMessage", times: storm, retryAfterSeconds: 2);

        var posts = await FakeClockDriver.StartAsync(() => Enumerable.Range(0, senders)
            .Select(i => client.PostMessageAsync("C" + i, Hello, null, CancellationToken.None))
            .ToList());
        await AdvanceUntilCompletedAsync(Task.WhenAll(posts));

        var calls = _fake.CallsTo("chat.postMessage");
        Assert.Equal(storm, calls.Count(c => c.StatusCode == 429));
        Assert.Equal(senders + storm, calls.Count);
        AssertNothingInsideRetryAfter(calls, TimeSpan.FromSeconds(2));
        Assert.All(calls.GroupBy(c => c.ReceivedAt), moment => Assert.True(moment.Count() <= senders, $"{moment.Count()} calls at {moment.Key:O}"));
        Assert.All(Enumerable.Range(0, senders), i => Assert.Single(calls, c => c.Ok && c.Field("channel") == "C" + i));
        Assert.All(posts, p => Assert.True(p.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task StormLongerThanTheAttempts_GivesUpWithAnErrorLogWithoutTheToken_AfterExactlyTheBoundedCalls()
    {
        var client = CreateClient(maxAttempts: 3);
        const int senders = 4;
        _fake.RateLimit("chat.update", times: 1000, retryAfterSeconds: 1);

        var updates = await FakeClockDriver.StartAsync(() => Enumerable.Range(0, senders)
            .Select(i => client.UpdateMessageAsync("C" + i, "1700000000.000001", Hello, CancellationToken.None))
            .ToList());
        await AdvanceUntilCompletedAsync(Task.WhenAll(updates));

        var calls = _fake.CallsTo("chat.update");
        Assert.Equal(senders * 3, calls.Count);
        AssertNothingInsideRetryAfter(calls, TimeSpan.FromSeconds(1));
        foreach (var update in updates)
        {
            var error = await Assert.ThrowsAsync<SlackApiException>(() => update);
            Assert.Equal("ratelimited", error.Error);
        }

        Assert.Equal(senders, _logs.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains("chat.update", StringComparison.Ordinal) && e.Message.Contains("giving up", StringComparison.Ordinal)));
        Assert.DoesNotContain(_fake.Options.BotToken, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StormOnOneMethod_DoesNotHoldUpAnother()
    {
        var client = CreateClient(maxAttempts: 4);
        _fake.RateLimit("chat.postMessage", times: 3, retryAfterSeconds: 30);

        var post = await FakeClockDriver.StartAsync(() => client.PostMessageAsync("C1", Hello, null, CancellationToken.None));
        await _fake.WaitForCallAsync("chat.postMessage");
        var ephemeral = await client.PostEphemeralAsync("C1", "U1", Hello, null, CancellationToken.None);
        await AdvanceUntilCompletedAsync(post);

        Assert.NotNull(ephemeral);
        var ephemeralCall = Assert.Single(_fake.CallsTo("chat.postEphemeral"));
        Assert.Equal(_fake.CallsTo("chat.postMessage")[0].ReceivedAt, ephemeralCall.ReceivedAt);
        AssertNothingInsideRetryAfter(_fake.CallsTo("chat.postMessage"), TimeSpan.FromSeconds(30));
    }

    /// <summary>After a 429 recorded at t, no call of the same method may be recorded in (t, t + Retry-After).</summary>
    private static void AssertNothingInsideRetryAfter(IReadOnlyList<FakeSlackApiCall> calls, TimeSpan retryAfter)
    {
        foreach (var limited in calls.Where(c => c.StatusCode == 429))
        {
            var inside = calls.Where(c => c.ReceivedAt > limited.ReceivedAt && c.ReceivedAt < limited.ReceivedAt + retryAfter).ToList();
            Assert.True(inside.Count == 0, $"{inside.Count} call(s) inside the {retryAfter.TotalSeconds} s after the 429 at {limited.ReceivedAt:O}");
        }
    }

    private SlackApiClient CreateClient(int maxAttempts) => new(
        _http,
        Options.Create(new SlackOptions
        {
            BotToken = _fake.Options.BotToken,
            AppToken = _fake.Options.AppToken,
            ApiBaseUrl = _fake.ApiBaseUrl,
            PerChannelMessageInterval = TimeSpan.Zero,
            MaxApiAttempts = maxAttempts,
        }),
        _clock,
        new Logger<SlackApiClient>(new LoggerFactory([_logs])));

    private Task<TimeSpan> AdvanceUntilCompletedAsync(Task task) =>
        FakeClockDriver.AdvanceUntilCompletedAsync(task, _clock.Advance, TimeSpan.FromMilliseconds(500), _inFlight);
}
