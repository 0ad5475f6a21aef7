using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>
/// The meters of all bot processes of a run as one: a phase begins in all of them, CPU time is their sum and the max
/// RSS of a phase is the sum of each process's own maximum in it (an upper bound of what they held at once). With one
/// process every figure is that process's, as before.
/// </summary>
internal sealed class BotMeters(IReadOnlyList<BotProcess> bots)
{
    public int Count => bots.Count;

    public void BeginPhase(string phase)
    {
        foreach (var bot in bots)
        {
            bot.Meter.BeginPhase(phase);
        }
    }

    /// <summary>The sum over the processes of each one's largest VmRSS sampled during <paramref name="phase"/>, in MB.</summary>
    public double? MaxRssMb(string phase) => Sum(bots.Select(b => b.Meter.MaxRssMb(phase)));

    /// <summary>Each process's largest VmRSS during <paramref name="phase"/>, in MB.</summary>
    public IReadOnlyList<double?> MaxRssMbEach(string phase) => bots.Select(b => b.Meter.MaxRssMb(phase)).ToList();

    /// <summary>CPU time (user + kernel) of all processes so far.</summary>
    public TimeSpan CpuTime() => CpuTimes().Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

    public IReadOnlyList<TimeSpan> CpuTimes() => bots.Select(b => b.Meter.CpuTime()).ToList();

    /// <summary>How process <paramref name="index"/> is named in notes: "pid 1234 (process 1)".</summary>
    public string Label(int index) => string.Create(CultureInfo.InvariantCulture, $"process {index + 1} (pid {bots[index].Id})");

    /// <summary>"process 1 (pid …) 312 MB, process 2 (pid …) 298 MB" for a phase.</summary>
    public string DescribeRss(string phase)
    {
        var each = MaxRssMbEach(phase);
        return string.Join(", ", each.Select((mb, i) => Label(i) + " " + (mb is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " MB" : "n/a")));
    }

    private static double? Sum(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToList();
        return known.Count == 0 ? null : known.Sum();
    }
}
