using System.ComponentModel.DataAnnotations;

namespace CoachBot.Ai.Llm;

/// <summary>
/// How the model client rides out a failing model (section "Llm:Resilience"): a transient failure is retried after an
/// exponential, jittered pause, and a circuit breaker stops calling a model that keeps failing, so people get the
/// offline answer at once instead of waiting for timeouts. The whole call stays bounded by <c>Llm:TimeoutSeconds</c>.
/// </summary>
public sealed class LlmResilienceOptions
{
    public const string SectionName = "Llm:Resilience";

    /// <summary>Retries of a transient failure (5xx, 408, 429, network error, attempt timeout); 0 turns retrying off.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    /// <summary>Base pause before the first retry, doubled for each further one, each randomised (jitter).</summary>
    [Range(0, 10_000)]
    public int RetryDelayMilliseconds { get; set; } = 250;

    /// <summary>Share of failed calls within <see cref="SamplingSeconds"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls within <see cref="SamplingSeconds"/> needed before <see cref="FailureRatio"/> is judged.</summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 4;

    /// <summary>The window over which failures are counted, in seconds.</summary>
    [Range(1, 3600)]
    public int SamplingSeconds { get; set; } = 60;

    /// <summary>How long an open circuit answers offline without calling the model before one trial call, in seconds.</summary>
    [Range(1, 3600)]
    public int BreakSeconds { get; set; } = 30;

    public TimeSpan RetryDelay => TimeSpan.FromMilliseconds(RetryDelayMilliseconds);

    public TimeSpan SamplingDuration => TimeSpan.FromSeconds(SamplingSeconds);

    public TimeSpan BreakDuration => TimeSpan.FromSeconds(BreakSeconds);
}
