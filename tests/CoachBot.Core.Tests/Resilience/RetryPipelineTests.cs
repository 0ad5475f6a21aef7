using System.Net;
using CoachBot.Core.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Core.Tests.Resilience;

public sealed class RetryPipelineTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task ExecuteAsync_ServerNamedWait_NextAttemptStartsOnlyWhenTheClockHasMovedThatFar()
    {
        var pipeline = Build<string>(maxRetries: 3, outcome => outcome.Result == "busy" ? RetryDecision.After(TimeSpan.FromSeconds(5), "busy") : RetryDecision.Done);
        var answers = new Queue<string>(["busy", "ok"]);
        var started = new List<DateTimeOffset>();

        var run = pipeline.ExecuteAsync("test", _ => { started.Add(_clock.GetUtcNow()); return ValueTask.FromResult(answers.Dequeue()); }, CancellationToken.None);
        await WaitUntilAsync(() => started.Count == 1);
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Single(started);
        _clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal("ok", await run);
        Assert.Equal(TimeSpan.FromSeconds(5), started[1] - started[0]);
    }

    [Fact]
    public async Task ExecuteAsync_StillFailingAfterMaxRetries_ReturnsTheLastOutcome()
    {
        var pipeline = Build<string>(maxRetries: 2, outcome => outcome.Result!.StartsWith("fail", StringComparison.Ordinal) ? RetryDecision.After(TimeSpan.Zero, "fail") : RetryDecision.Done);
        var attempts = 0;

        var last = await pipeline.ExecuteAsync("test", _ => ValueTask.FromResult("fail " + ++attempts), CancellationToken.None);

        Assert.Equal("fail 3", last);
    }

    [Fact]
    public async Task ExecuteAsync_ExceptionNotWorthRepeating_IsThrownAfterOneAttempt()
    {
        var pipeline = Build<string>(maxRetries: 3, outcome => outcome.Exception is TimeoutException ? RetryDecision.After(TimeSpan.Zero, "timeout") : RetryDecision.Done);
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await pipeline.ExecuteAsync("test", Fail, CancellationToken.None));
        Assert.Equal(1, attempts);

        ValueTask<string> Fail(CancellationToken _)
        {
            attempts++;
            throw new InvalidOperationException("bad request");
        }
    }

    [Fact]
    public async Task ExecuteAsync_Backoff_PausesBetweenAttemptsOnTheInjectedClock()
    {
        var pipeline = Build<string>(maxRetries: 3, outcome => outcome.Result == "flaky" ? RetryDecision.Backoff("flaky") : RetryDecision.Done);
        var started = new List<DateTimeOffset>();
        var answers = new Queue<string>(["flaky", "flaky", "flaky", "ok"]);

        var run = pipeline.ExecuteAsync("test", _ => { started.Add(_clock.GetUtcNow()); return ValueTask.FromResult(answers.Dequeue()); }, CancellationToken.None);
        while (!run.IsCompleted)
        {
            await Task.Delay(1);
            _clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.Equal("ok", await run);
        var pauses = started.Zip(started.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(3, pauses.Count);
        // Jittered, so only the bounds are certain: a real pause, and never past the cap.
        Assert.All(pauses, p => Assert.InRange(p, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30.05)));
    }

    [Fact]
    public async Task Build_ZeroRetries_RunsOnce()
    {
        var pipeline = Build<int>(maxRetries: 0, _ => RetryDecision.Backoff("always"));
        var attempts = 0;

        await pipeline.ExecuteAsync("test", _ => ValueTask.FromResult(++attempts), CancellationToken.None);

        Assert.Equal(1, attempts);
    }

    [Fact]
    public void RetryAfter_ReadsWholeAndFractionalSecondsAndDates_AndBoundsThem()
    {
        var now = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.Add("Retry-After", "30");
        using var fraction = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        fraction.Headers.TryAddWithoutValidation("Retry-After", "1.5");
        using var date = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        date.Headers.Add("Retry-After", now.AddSeconds(12).ToString("R"));
        using var none = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.FromHeaders(seconds.Headers, now));
        Assert.Equal(TimeSpan.FromSeconds(1.5), RetryAfter.FromHeaders(fraction.Headers, now));
        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfter.FromHeaders(date.Headers, now));
        Assert.Null(RetryAfter.FromHeaders(none.Headers, now));
        Assert.Equal(TimeSpan.FromSeconds(1), RetryAfter.Bounded(null, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)));
        Assert.Equal(TimeSpan.FromMinutes(2), RetryAfter.Bounded(TimeSpan.FromHours(1), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)));
    }

    private Polly.ResiliencePipeline<T> Build<T>(int maxRetries, Func<Polly.Outcome<T>, RetryDecision> decide) =>
        RetryPipeline.Build(new RetryRules<T> { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(200), Decide = decide }, _clock, NullLogger.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
