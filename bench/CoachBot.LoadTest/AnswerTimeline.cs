using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>
/// When the answers came, counted from the burst's first send: the first, the median, the 90th percentile and the last.
/// Tells a pipeline that starts late (first answer long after the model's delay) from one that drains slowly (a wide
/// spread between p50 and the last).
/// </summary>
internal static class AnswerTimeline
{
    public static string Describe(string platform, IReadOnlyList<Outcome> outcomes, DateTimeOffset started)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var seconds = outcomes.Where(o => o.AnsweredAt is not null).Select(o => (o.AnsweredAt!.Value - started).TotalSeconds).ToList();
        if (seconds.Count == 0)
        {
            return platform + ": no answers to time";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{platform}: answers after the first send (s): first {seconds.Min():0.00}, p10 {ResultRow.Percentile(seconds, 0.10):0.00}, p50 {ResultRow.Percentile(seconds, 0.50):0.00}, p90 {ResultRow.Percentile(seconds, 0.90):0.00}, last {seconds.Max():0.00} (n={seconds.Count})");
    }
}
