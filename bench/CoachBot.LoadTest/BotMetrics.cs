using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CoachBot.LoadTest;

/// <summary>
/// The bot's own view of acknowledgement latency (event received by the adapter → ack sent), read from its Prometheus
/// endpoint (<c>/metrics</c>, histogram <c>coachbot.ack.latency</c> by platform). The histogram is cumulative and
/// bucketed, so a run takes a snapshot before and after the burst and reports the difference: the exact mean, and p50 /
/// p99 as "at most" the upper bound of the bucket they fall in. Optional: when the bot has no such endpoint or metric,
/// the report says so and nothing else changes.
/// </summary>
internal sealed class BotMetrics : IDisposable
{
    private readonly List<HttpClient> _http;

    /// <summary>One bot web server per process (each on its own port); figures are summed over them.</summary>
    public BotMetrics(IReadOnlyList<Uri> baseUrls)
    {
        ArgumentNullException.ThrowIfNull(baseUrls);
        BaseUrls = baseUrls;
        _http = baseUrls.Select(url => new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) }).ToList();
    }

    public IReadOnlyList<Uri> BaseUrls { get; }

    /// <summary>A loopback URL on a port free right now, for the bot's own web server (Http:Urls).</summary>
    public static Uri FreeLoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
    }

    /// <summary>The platform's ack histogram summed over the processes (null when none has one).</summary>
    public async Task<AckHistogram?> SnapshotAsync(string platform)
    {
        var each = await Task.WhenAll(_http.Select(http => SnapshotAsync(http, platform)));
        return AckHistogram.Merge(each);
    }

    /// <summary>
    /// Waits until every process's /readyz reports its warm-ups over (see the per-process overload); returns the states
    /// seen.
    /// </summary>
    public async Task<string> WaitForSemanticWarmupAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        var states = new List<string>();
        foreach (var http in _http)
        {
            states.Add(await WaitForSemanticWarmupAsync(http, until));
        }

        return string.Join(", ", states.Distinct(StringComparer.Ordinal));
    }

    private static async Task<AckHistogram?> SnapshotAsync(HttpClient http, string platform)
    {
        string text;
        try
        {
            text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }

        return AckHistogram.Parse(text, platform);
    }

    /// <summary>
    /// Waits until one process's /readyz reports the semantic model's warm-up over ("ready", "off" or "failed") and, when
    /// the bot has one, its hot-path warm-up too ("warmup": "done", "off" or "failed"), the state a running bot is in;
    /// returns the last state seen (or "unknown" when /readyz has no "semantic" field, or on timeout the state then).
    /// </summary>
    private static async Task<string> WaitForSemanticWarmupAsync(HttpClient http, DateTime until)
    {
        var state = "unknown";
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                using var json = System.Text.Json.JsonDocument.Parse(body);
                if (!json.RootElement.TryGetProperty("semantic", out var semantic) || semantic.GetString() is not { } value)
                {
                    return "unknown";
                }

                state = value;
                var hotPaths = json.RootElement.TryGetProperty("warmup", out var warmup) ? warmup.GetString() : null;
                if (hotPaths is not null)
                {
                    state += "; hot-path warm-up " + hotPaths;
                }

                var hotPathsBusy = hotPaths is not null && (hotPaths == "pending" || hotPaths.StartsWith("running", StringComparison.Ordinal));
                if (!value.StartsWith("warming", StringComparison.Ordinal) && value != "pending" && !hotPathsBusy)
                {
                    return state;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
            }

            await Task.Delay(500);
        }

        return state + " (timed out waiting)";
    }

    public void Dispose()
    {
        foreach (var http in _http)
        {
            http.Dispose();
        }
    }
}

/// <summary>One platform's ack-latency histogram as Prometheus exposes it: cumulative bucket counts, sum and count.</summary>
internal sealed record AckHistogram(IReadOnlyDictionary<double, long> Buckets, double Sum, long Count)
{
    private const string Metric = "coachbot_ack_latency";

    public static AckHistogram? Parse(string exposition, string platform)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        var label = $"platform=\"{platform}\"";
        var buckets = new Dictionary<double, long>();
        double? sum = null;
        long? count = null;
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(Metric, StringComparison.Ordinal) || !line.Contains(label, StringComparison.Ordinal))
            {
                continue;
            }

            var name = line[..line.IndexOf('{', StringComparison.Ordinal)];
            var value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
            if (name.EndsWith("_bucket", StringComparison.Ordinal) && Label(line, "le") is { } le)
            {
                var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
                buckets[bound] = (long)double.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.EndsWith("_sum", StringComparison.Ordinal))
            {
                sum = double.Parse(value, CultureInfo.InvariantCulture);
            }
            else if (name.EndsWith("_count", StringComparison.Ordinal))
            {
                count = (long)double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return count is null ? null : new AckHistogram(buckets, sum ?? 0, count.Value);
    }

    /// <summary>Several processes' histograms as one (buckets, sums and counts added); null when there are none.</summary>
    public static AckHistogram? Merge(IEnumerable<AckHistogram?> histograms)
    {
        var known = histograms.OfType<AckHistogram>().ToList();
        return known.Count switch
        {
            0 => null,
            1 => known[0],
            _ => new AckHistogram(
                known.SelectMany(h => h.Buckets.Keys).Distinct().ToDictionary(bound => bound, bound => known.Sum(h => h.Buckets.GetValueOrDefault(bound))),
                known.Sum(h => h.Sum),
                known.Sum(h => h.Count)),
        };
    }

    /// <summary>What was recorded between <paramref name="before"/> (null: nothing yet) and this snapshot.</summary>
    public AckHistogram Since(AckHistogram? before) => before is null
        ? this
        : new AckHistogram(
            Buckets.ToDictionary(b => b.Key, b => b.Value - before.Buckets.GetValueOrDefault(b.Key)),
            Sum - before.Sum,
            Count - before.Count);

    /// <summary>"n=…, mean … ms, p50 ≤ … ms, p99 ≤ … ms".</summary>
    public string Describe()
    {
        if (Count <= 0)
        {
            return "n=0";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"n={Count}, mean {Sum / Count:0.0} ms, p50 ≤ {Bound(0.50)} ms, p99 ≤ {Bound(0.99)} ms, max ≤ {Bound(1.0)} ms");
    }

    private string Bound(double p)
    {
        var rank = (long)Math.Ceiling(p * Count);
        var bound = Buckets.OrderBy(b => b.Key).FirstOrDefault(b => b.Value >= rank).Key;
        return double.IsPositiveInfinity(bound) ? "∞" : bound.ToString("0.###", CultureInfo.InvariantCulture);
    }

    private static string? Label(string line, string name)
    {
        var start = line.IndexOf(name + "=\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += name.Length + 2;
        var end = line.IndexOf('"', start);
        return end < 0 ? null : line[start..end];
    }
}

/// <summary>The note line for the bot-side ack latency of one measured stretch.</summary>
internal static class BotSide
{
    public static async Task<string> DescribeAsync(BotMetrics metrics, string platform, AckHistogram? before)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var after = await metrics.SnapshotAsync(platform);
        return after is null
            ? "bot-side ack latency: not available (no coachbot_ack_latency histogram for this platform on the bot's /metrics)"
            : "bot-side ack latency (adapter received the event → ack sent; the bot's /metrics histogram, bucket bounds): " + after.Since(before).Describe();
    }
}
