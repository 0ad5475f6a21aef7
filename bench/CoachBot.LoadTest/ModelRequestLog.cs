using System.Collections.Concurrent;
using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>
/// When the fake model received its requests. Read against the answers' timeline it splits a burst's time into the
/// bot's work before the model call (burst start → request at the model) and after it (the model's reply → the answer).
/// </summary>
internal sealed class ModelRequestLog
{
    private readonly ConcurrentQueue<DateTimeOffset> _arrivals = new();

    public void Record() => _arrivals.Enqueue(DateTimeOffset.UtcNow);

    public string Describe(string platform, DateTimeOffset started)
    {
        var seconds = _arrivals.Where(at => at >= started).Select(at => (at - started).TotalSeconds).ToList();
        if (seconds.Count == 0)
        {
            return platform + ": no model requests during the burst";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{platform}: model requests after the first send (s): first {seconds.Min():0.00}, p10 {ResultRow.Percentile(seconds, 0.10):0.00}, p50 {ResultRow.Percentile(seconds, 0.50):0.00}, p90 {ResultRow.Percentile(seconds, 0.90):0.00}, last {seconds.Max():0.00} (n={seconds.Count})");
    }
}
