using CoachBot.Testing.Clock;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace CoachBot.Ai.Tests.Faults;

/// <summary>
/// Retries and timeouts of model calls against a misbehaving fake server (errors, hangs, bodies cut off or stalled,
/// malformed JSON), through the real connector and HTTP, on a fake clock.
/// </summary>
public sealed class LlmRetryTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = LlmFaultServices.NewClock();
    private readonly CapturingLoggerProvider _logs = new();
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public void Dispose() => _logs.Dispose();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Retry_UsesExponentialBackoffWithJitterFromTheOptions()
    {
        var options = new LlmResilienceOptions { MaxRetries = 3, RetryDelayMilliseconds = 400 };

        var retry = LlmResiliencePipeline.Retry(options, NullLogger.Instance);

        Assert.True(retry.UseJitter);
        Assert.Equal(DelayBackoffType.Exponential, retry.BackoffType);
        Assert.Equal(3, retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(400), retry.Delay);
    }

    [Fact]
    public void CircuitBreaker_TakesItsNumbersFromTheOptions()
    {
        var options = new LlmResilienceOptions { FailureRatio = 0.25, MinimumThroughput = 7, SamplingSeconds = 90, BreakSeconds = 45 };

        var breaker = LlmResiliencePipeline.CircuitBreaker(options, NullLogger.Instance);

        Assert.Equal(0.25, breaker.FailureRatio);
        Assert.Equal(7, breaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(90), breaker.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(45), breaker.BreakDuration);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task AnswerAsync_ServerErrors_AreRetriedMaxRetriesTimesAfterJitteredPausesThenAnsweredOffline(int retries)
    {
        _server.Responder = _ => FakeChatResponse.Status(HttpStatusCode.ServiceUnavailable);
        await using var services = LlmFaultServices.Build(_server.BaseUrl, _time, _logs, timeoutSeconds: 300,
            ("MaxRetries", retries.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("MinimumThroughput", "100"));

        // The pauses (250 ms doubling, jittered) wait on the fake clock, which moves only while the answer is pending.
        var task = services.GetRequiredService<AnswerService>().AnswerAsync(LlmFaultServices.Ask(1), CancellationToken.None);
        await _server.WaitForRequestsAsync(1, Generous);
        await FakeClockDriver.AdvanceUntilCompletedAsync(task, _time.Advance, TimeSpan.FromMilliseconds(100));
        var answer = await task;

        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.Equal(retries + 1, _server.Requests.Count);
        var pauses = _logs.Entries.Where(e => e.Message.StartsWith("LLM call failed (HTTP 503); retry", StringComparison.Ordinal)).ToList();
        Assert.Equal(retries, pauses.Count);
        Assert.All(pauses, p => Assert.DoesNotContain(" in 0 ms", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_OneServerError_TheRetryAnswers()
    {
        _server.Enqueue(FakeChatResponse.Status(HttpStatusCode.InternalServerError), FakeChatResponse.Text("Learn PostgreSQL [P1]."));
        await using var services = Build();

        var answer = await AskAsync(services);

        Assert.True(answer.UsedLlm);
        Assert.Equal("Learn PostgreSQL [1].", answer.Text);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task AnswerAsync_FirstAttemptHangs_TheAttemptTimeoutCutsItAndTheRetryAnswers()
    {
        _server.Enqueue(FakeChatResponse.Hang(), FakeChatResponse.Text("Learn PostgreSQL [P1]."));
        await using var services = Build();

        var task = Ask(services);
        await _server.WaitForRequestsAsync(1, Generous);
        _time.Advance(AttemptTimeout);
        var answer = await task.WaitAsync(Generous);

        Assert.True(answer.UsedLlm);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task AnswerAsync_ModelHangsEveryTime_FallsBackOfflineWhenTheTotalTimeoutIsUp()
    {
        _server.Responder = _ => FakeChatResponse.Hang();
        await using var services = Build();

        var answer = await TimeOutTwiceAsync(services);

        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task AnswerAsync_BodyCutOffMidway_IsRetriedAndTheRetryAnswers()
    {
        _server.Enqueue(FakeChatResponse.Truncated(), FakeChatResponse.Text("Learn PostgreSQL [P1]."));
        await using var services = Build();

        var answer = await AskAsync(services);

        Assert.True(answer.UsedLlm);
        Assert.Equal("Learn PostgreSQL [1].", answer.Text);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task AnswerAsync_BodyStallsAfterTheHeaders_FallsBackOfflineWithinTheTimeout()
    {
        _server.Responder = _ => FakeChatResponse.StalledBody();
        await using var services = Build();

        // Let the headers and half the body reach the client before the clock moves: the stall is in the body read.
        var answer = await TimeOutTwiceAsync(services, settle: TimeSpan.FromMilliseconds(500));

        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_MalformedJson_IsNotRetriedAndFallsBackOffline()
    {
        // A 200 with a broken body is the model's answer, not a transient fault: asking again costs tokens for nothing.
        _server.Responder = _ => FakeChatResponse.Malformed();
        await using var services = Build();

        var answer = await AskAsync(services);

        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.Single(_server.Requests);
    }

    /// <summary>Thirty seconds per call, so twenty per attempt; retries without a pause, so the clock only moves when a test moves it.</summary>
    private ServiceProvider Build() =>
        LlmFaultServices.Build(_server.BaseUrl, _time, _logs, timeoutSeconds: 30, ("RetryDelayMilliseconds", "0"));

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);

    private static Task<Answer> Ask(ServiceProvider services) =>
        services.GetRequiredService<AnswerService>().AnswerAsync(LlmFaultServices.Ask(1), CancellationToken.None);

    private static Task<Answer> AskAsync(ServiceProvider services) => Ask(services).WaitAsync(Generous);

    /// <summary>Both attempts get no usable reply: the clock jumps past the first attempt's timeout, then past the call's.</summary>
    private async Task<Answer> TimeOutTwiceAsync(ServiceProvider services, TimeSpan? settle = null)
    {
        var task = Ask(services);
        await _server.WaitForRequestsAsync(1, Generous);
        await Task.Delay(settle ?? TimeSpan.Zero);
        _time.Advance(AttemptTimeout);
        await _server.WaitForRequestsAsync(2, Generous);
        await Task.Delay(settle ?? TimeSpan.Zero);
        _time.Advance(AttemptTimeout);
        return await task.WaitAsync(Generous);
    }
}
