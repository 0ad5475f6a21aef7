using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CoachBot.Core.Resilience;

/// <summary>
/// The one retry loop of the platform clients, on Polly's retry strategy: exponential backoff with jitter from
/// <see cref="RetryRules{T}.BaseDelay"/>, or exactly the wait the server asked for (<see cref="RetryDecision.After"/>),
/// waited on the injected clock. Discarded results are disposed by Polly before the next attempt; the last outcome,
/// success or not, is returned (or its exception thrown) for the client to turn into its own error.
/// </summary>
public static partial class RetryPipeline
{
    public static ResiliencePipeline<T> Build<T>(RetryRules<T> rules, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        if (rules.MaxRetries <= 0)
        {
            return ResiliencePipeline<T>.Empty;
        }

        return new ResiliencePipelineBuilder<T> { TimeProvider = timeProvider }.AddRetry(Options(rules, logger)).Build();
    }

    /// <summary>
    /// The retry strategy alone, for a pipeline with more strategies around it (the model client's timeouts and
    /// circuit breaker). <see cref="RetryRules{T}.MaxRetries"/> must be at least 1 here.
    /// </summary>
    public static RetryStrategyOptions<T> Options<T>(RetryRules<T> rules, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(logger);
        return new RetryStrategyOptions<T>
        {
            MaxRetryAttempts = rules.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = rules.BaseDelay,
            MaxDelay = rules.MaxBackoff,
            ShouldHandle = args => ValueTask.FromResult(rules.Decide(args.Outcome).ShouldRetry),
            DelayGenerator = args => ValueTask.FromResult(rules.Decide(args.Outcome).Wait),
            OnRetry = args =>
            {
                if (logger.IsEnabled(rules.LogLevel))
                {
                    var operation = args.Context.OperationKey ?? rules.Operation;
                    var reason = rules.Decide(args.Outcome).Reason;
                    LogRetrying(logger, rules.LogLevel, operation, reason, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                }

                return default;
            },
        };
    }

    /// <summary>Runs <paramref name="attempt"/> under the pipeline; <paramref name="operation"/> names it in the log.</summary>
    public static async Task<T> ExecuteAsync<T>(
        this ResiliencePipeline<T> pipeline, string operation, Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(attempt);
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await pipeline.ExecuteAsync(static (ctx, run) => run(ctx.CancellationToken), context, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [LoggerMessage(Message = "{Operation} failed ({Reason}); retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, LogLevel level, string operation, string reason, int attempt, long delayMs);
}
