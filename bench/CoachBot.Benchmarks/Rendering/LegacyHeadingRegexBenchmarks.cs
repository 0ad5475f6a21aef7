using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using CoachBot.Core.Replies.Formatting;

namespace CoachBot.Benchmarks.Rendering;

/// <summary>
/// The Slack heading pattern before issue 14 (backtracking, no timeout) against the linear scan that replaced it, on a
/// heading line with a run of spaces before its last word: the regex grows with the cube of the run.
/// </summary>
public class LegacyHeadingRegexBenchmarks
{
    private static readonly Regex Legacy = new(@"^\s{0,3}#{1,6}\s+(?<text>.+?)\s*#*\s*$", RegexOptions.CultureInvariant);
    private string _line = string.Empty;

    [Params(500, 1000, 2000)]
    public int Spaces { get; set; }

    [GlobalSetup]
    public void Setup() => _line = "# x" + new string(' ', Spaces) + "y";

    [Benchmark(Baseline = true, Description = "old heading regex")]
    public bool OldRegex() => Legacy.IsMatch(_line);

    [Benchmark(Description = "MarkdownLines.TryHeading")]
    public bool LinearScan() => MarkdownLines.TryHeading(_line, out _);
}
