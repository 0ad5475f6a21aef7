using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>Prints the runs as one Markdown table (pasted into docs/benchmarks.md) with the notes under it.</summary>
internal static class ResultTable
{
    public static void Print(IReadOnlyList<PlatformRun> runs, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine();
        output.WriteLine("| platform | events | sent | acked < 3 s | answered | refused | lost | ack p50 / p99 / max (ms) | answers/s | bot max RSS (MB) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in runs.SelectMany(r => r.Rows))
        {
            var bold = row.Kind == "all" ? "**" : string.Empty;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Platform} | {bold}{row.Kind}{bold} | {row.Sent} | {Acked(row)} | {row.Answered} | {row.Refused} | {row.Lost} | {Latency(row.AckMs)} | {row.AnswersPerSecond:0.0} | {(row.MaxRssMb is { } mb ? mb.ToString("0", CultureInfo.InvariantCulture) : string.Empty)} |"));
        }

        output.WriteLine();
        foreach (var run in runs)
        {
            foreach (var note in run.Notes)
            {
                output.WriteLine($"- {run.Platform}: {note}");
            }
        }
    }

    private static string Acked(ResultRow row) => row.ExpectingAck == 0
        ? "– (no ack)"
        : string.Create(CultureInfo.InvariantCulture, $"{row.AckedInTime}/{row.ExpectingAck}");

    private static string Latency(IReadOnlyList<double> values) => values.Count == 0
        ? "–"
        : string.Create(CultureInfo.InvariantCulture,
            $"{ResultRow.Percentile(values, 0.50):0.0} / {ResultRow.Percentile(values, 0.99):0.0} / {ResultRow.Percentile(values, 1.0):0.0}");
}
