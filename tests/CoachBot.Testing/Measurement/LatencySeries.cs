namespace CoachBot.Testing.Measurement;

/// <summary>Latencies measured in a test, printed as min / p50 / p99 / max for docs/benchmarks.md (never asserted).</summary>
public sealed record LatencySeries(string What, IReadOnlyList<double> Milliseconds)
{
    public override string ToString()
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted.Count == 0
            ? What + ": nothing measured"
            : string.Create(CultureInfo.InvariantCulture,
                $"{What} over {sorted.Count}: min {sorted[0]:F2} ms, p50 {Percentile(sorted, 0.50):F2} ms, p99 {Percentile(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
