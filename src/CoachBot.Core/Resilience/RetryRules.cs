using Microsoft.Extensions.Logging;
using Polly;

namespace CoachBot.Core.Resilience;

/// <summary>How a platform client retries: how often, the backoff's first pause, and how it reads an attempt's outcome.</summary>
public sealed class RetryRules<T>
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public required int MaxRetries { get; init; }

    /// <summary>The first backoff pause; each further one doubles (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public required TimeSpan BaseDelay { get; init; }

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Names the call in the retry log when the pipeline's caller did not (an HttpClient handler).</summary>
    public string Operation { get; init; } = "call";

    /// <summary>The level of the retry log line.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Reads one attempt's outcome (a result, or the exception it threw).</summary>
    public required Func<Outcome<T>, RetryDecision> Decide { get; init; }
}
