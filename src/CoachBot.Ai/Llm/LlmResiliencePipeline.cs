using System.Net.Http;
using CoachBot.Core.Resilience;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CoachBot.Ai.Llm;

/// <summary>
/// The strategies around every model call, outermost first: a total timeout of <c>Llm:TimeoutSeconds</c>; retries of
/// transient failures after exponential, jittered pauses; a circuit breaker that, once the model keeps failing, fails
/// calls at once (no request leaves) for the break duration and then lets one trial call through; and an attempt
/// timeout of two thirds of the total. The attempt includes reading the response body (see
/// <see cref="LlmResponseBufferingHandler"/>), so a body that stalls or breaks off is a failed attempt too.
/// </summary>
public static partial class LlmResiliencePipeline
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, LlmOptions llm, LlmResilienceOptions resilience, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(llm);
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(logger);
        var total = TimeSpan.FromSeconds(llm.TimeoutSeconds);
        pipeline.AddTimeout(total);
        if (resilience.MaxRetries > 0)
        {
            pipeline.AddRetry(Retry(resilience, logger, pipeline.TimeProvider));
        }

        pipeline
            .AddCircuitBreaker(CircuitBreaker(resilience, logger))
            .AddTimeout(AttemptTimeout(llm));
    }

    /// <summary>One attempt's share of the total timeout, leaving room for a retry.</summary>
    public static TimeSpan AttemptTimeout(LlmOptions llm)
    {
        ArgumentNullException.ThrowIfNull(llm);
        return TimeSpan.FromSeconds(llm.TimeoutSeconds) * 2 / 3;
    }

    /// <summary>
    /// Retries of transient HTTP failures (network, timeouts, 408, 429, 5xx) with the platforms' retry piece:
    /// exponential backoff from the base delay with jitter, or the wait a Retry-After header asks for.
    /// </summary>
    public static RetryStrategyOptions<HttpResponseMessage> Retry(LlmResilienceOptions resilience, ILogger logger, TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(logger);
        return RetryPipeline.Options(
            new RetryRules<HttpResponseMessage>
            {
                MaxRetries = Math.Max(1, resilience.MaxRetries),
                BaseDelay = resilience.RetryDelay,
                Operation = "LLM call",
                LogLevel = LogLevel.Information,
                Decide = outcome => Decide(outcome, time.GetUtcNow()),
            },
            logger);
    }

    private static RetryDecision Decide(Outcome<HttpResponseMessage> outcome, DateTimeOffset now)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return RetryDecision.Done;
        }

        return outcome.Result is { } response && RetryAfter.FromHeaders(response.Headers, now) is { } wait && wait > TimeSpan.Zero
            ? RetryDecision.After(wait, Describe(outcome))
            : RetryDecision.Backoff(Describe(outcome));
    }

    public static HttpCircuitBreakerStrategyOptions CircuitBreaker(LlmResilienceOptions resilience, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(logger);
        return new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = resilience.FailureRatio,
            MinimumThroughput = resilience.MinimumThroughput,
            SamplingDuration = resilience.SamplingDuration,
            BreakDuration = resilience.BreakDuration,
            OnOpened = args =>
            {
                if (logger.IsEnabled(LogLevel.Warning))
                {
                    var failure = Describe(args.Outcome);
                    LogOpened(logger, failure, (int)args.BreakDuration.TotalSeconds);
                }

                return default;
            },
            OnHalfOpened = _ =>
            {
                LogHalfOpened(logger);
                return default;
            },
            OnClosed = _ =>
            {
                LogClosed(logger);
                return default;
            },
        };
    }

    // Status code or exception type only: bodies and messages may echo what was sent.
    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? exception.GetType().Name : "HTTP " + (int?)outcome.Result?.StatusCode;

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM circuit opened after repeated failures (last: {Failure}): answers are composed offline without calling the model for {BreakSeconds} s")]
    private static partial void LogOpened(ILogger logger, string failure, int breakSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM circuit half-open: the next question tries the model again")]
    private static partial void LogHalfOpened(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM circuit closed: the model answers again")]
    private static partial void LogClosed(ILogger logger);
}
