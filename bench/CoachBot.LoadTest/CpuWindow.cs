using System.Diagnostics;
using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>
/// CPU used by the bot (all its processes) and by this process (fakes + driver) over a stretch of wall-clock time, to
/// tell a bot that ran out of CPU from one that waited on something (a limit, the LLM).
/// </summary>
internal sealed class CpuWindow
{
    private readonly BotMeters _bot;
    private readonly IReadOnlyList<TimeSpan> _botStart;
    private readonly TimeSpan _selfStart;
    private readonly long _wallStart = Stopwatch.GetTimestamp();

    private CpuWindow(BotMeters bot)
    {
        _bot = bot;
        _botStart = bot.CpuTimes();
        _selfStart = SelfCpu();
    }

    public static CpuWindow Start(BotMeters bot) => new(bot);

    public string Describe(string what, int events)
    {
        var wall = Stopwatch.GetElapsedTime(_wallStart);
        var bot = Used().Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
        var self = SelfCpu() - _selfStart;
        var cores = Environment.ProcessorCount;
        var botName = _bot.Count == 1 ? "bot" : string.Create(CultureInfo.InvariantCulture, $"bot ({_bot.Count} processes together)");
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU during {what} ({wall.TotalSeconds:0.0} s wall, {cores} cores): {botName} {bot.TotalSeconds:0.0} s ({Share(bot, wall, cores):0}% of the machine, "
            + $"{(events > 0 ? bot.TotalMilliseconds / events : 0):0.0} ms per event), "
            + $"load tool (fakes + driver) {self.TotalSeconds:0.0} s ({Share(self, wall, cores):0}%)");
    }

    /// <summary>With several bot processes, the same window's CPU per process; null with one.</summary>
    public string? DescribePerProcess()
    {
        if (_bot.Count == 1)
        {
            return null;
        }

        var wall = Stopwatch.GetElapsedTime(_wallStart);
        var cores = Environment.ProcessorCount;
        return "CPU per bot process in the same window: " + string.Join(", ", Used().Select((cpu, i) => string.Create(CultureInfo.InvariantCulture,
            $"{_bot.Label(i)} {cpu.TotalSeconds:0.0} s ({Share(cpu, wall, cores):0}% of the machine)")));
    }

    private IEnumerable<TimeSpan> Used() => _bot.CpuTimes().Zip(_botStart, (now, start) => now - start);

    private static double Share(TimeSpan cpu, TimeSpan wall, int cores) =>
        wall > TimeSpan.Zero ? 100 * cpu.TotalSeconds / (wall.TotalSeconds * cores) : 0;

    private static TimeSpan SelfCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
