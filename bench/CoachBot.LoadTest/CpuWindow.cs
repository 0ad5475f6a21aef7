using System.Diagnostics;
using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>
/// CPU used by the bot and by this process (fakes + driver) over a stretch of wall-clock time, to tell a bot that ran
/// out of CPU from one that waited on something (a limit, the LLM).
/// </summary>
internal sealed class CpuWindow
{
    private readonly ProcessMeter _bot;
    private readonly TimeSpan _botStart;
    private readonly TimeSpan _selfStart;
    private readonly long _wallStart = Stopwatch.GetTimestamp();

    private CpuWindow(ProcessMeter bot)
    {
        _bot = bot;
        _botStart = bot.CpuTime();
        _selfStart = SelfCpu();
    }

    public static CpuWindow Start(ProcessMeter bot) => new(bot);

    public string Describe(string what, int events)
    {
        var wall = Stopwatch.GetElapsedTime(_wallStart);
        var bot = _bot.CpuTime() - _botStart;
        var self = SelfCpu() - _selfStart;
        var cores = Environment.ProcessorCount;
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU during {what} ({wall.TotalSeconds:0.0} s wall, {cores} cores): bot {bot.TotalSeconds:0.0} s ({Share(bot, wall, cores):0}% of the machine, "
            + $"{(events > 0 ? bot.TotalMilliseconds / events : 0):0.0} ms per event), "
            + $"load tool (fakes + driver) {self.TotalSeconds:0.0} s ({Share(self, wall, cores):0}%)");
    }

    private static double Share(TimeSpan cpu, TimeSpan wall, int cores) =>
        wall > TimeSpan.Zero ? 100 * cpu.TotalSeconds / (wall.TotalSeconds * cores) : 0;

    private static TimeSpan SelfCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
