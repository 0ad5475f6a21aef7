using System.Diagnostics.Metrics;

namespace CoachBot.Core.Diagnostics;

/// <summary>
/// The bot's metrics (System.Diagnostics.Metrics, meter "CoachBot"): interactions, acknowledgement latency, handling
/// time and failures, LLM calls, retrieval outcomes and quiz activity. Any OpenTelemetry or dotnet-counters listener
/// can read them.
/// </summary>
public sealed class CoachMetrics : IDisposable
{
    public const string MeterName = "CoachBot";

    private readonly Meter _meter;
    private readonly Counter<long> _interactions;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _ackLatency;
    private readonly Counter<long> _rejectedRequests;
    private readonly Histogram<double> _handlingTime;
    private readonly Histogram<double> _llmLatency;
    private readonly Counter<long> _llmFailures;
    private readonly Counter<long> _retrievals;
    private readonly Counter<long> _quizAnswers;

    public CoachMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _interactions = _meter.CreateCounter<long>("coachbot.interactions", "{interaction}", "Requests received, by platform and kind.");
        _failures = _meter.CreateCounter<long>("coachbot.interactions.failed", "{interaction}", "Requests whose handler failed (the person got an apology).");
        _rateLimited = _meter.CreateCounter<long>("coachbot.interactions.rate_limited", "{interaction}", "Requests refused by the per-user or per-community rate limit.");
        _ackLatency = _meter.CreateHistogram<double>("coachbot.ack.latency", "ms", "Time from receiving a verified platform event to acknowledging it.");
        _rejectedRequests = _meter.CreateCounter<long>("coachbot.requests.rejected", "{request}", "Inbound requests refused before they were trusted, by platform and reason (bad signature, stale timestamp, too large).");
        _handlingTime = _meter.CreateHistogram<double>("coachbot.handling.duration", "ms", "Time the features took to produce the replies.");
        _llmLatency = _meter.CreateHistogram<double>("coachbot.llm.latency", "ms", "LLM call duration, by outcome.");
        _llmFailures = _meter.CreateCounter<long>("coachbot.llm.failures", "{call}", "LLM calls that failed and fell back to offline answers.");
        _retrievals = _meter.CreateCounter<long>("coachbot.retrieval", "{query}", "Retrieval queries, by outcome (answered, declined).");
        _quizAnswers = _meter.CreateCounter<long>("coachbot.quiz.answers", "{answer}", "Quiz answers recorded, by correctness.");
    }

    public void Interaction(string platform, string kind) =>
        _interactions.Add(1, new("platform", platform), new("kind", kind));

    public void Failure(string platform, string kind) =>
        _failures.Add(1, new("platform", platform), new("kind", kind));

    public void RateLimited(string platform) => _rateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void Acknowledged(string platform, TimeSpan latency) =>
        _ackLatency.Record(latency.TotalMilliseconds, new KeyValuePair<string, object?>("platform", platform));

    /// <summary>A request refused before it was verified; these are not timed in the ack histogram.</summary>
    public void Rejected(string platform, string reason) =>
        _rejectedRequests.Add(1, new("platform", platform), new("reason", reason));

    public void Handled(string kind, TimeSpan duration) =>
        _handlingTime.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("kind", kind));

    public void LlmCall(TimeSpan duration, bool succeeded)
    {
        _llmLatency.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "failed"));
        if (!succeeded)
        {
            _llmFailures.Add(1);
        }
    }

    public void Retrieval(bool answered) => _retrievals.Add(1, new KeyValuePair<string, object?>("outcome", answered ? "answered" : "declined"));

    public void QuizAnswer(bool correct) => _quizAnswers.Add(1, new KeyValuePair<string, object?>("correct", correct));

    public void Dispose() => _meter.Dispose();
}
