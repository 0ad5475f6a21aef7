using System.Diagnostics;
using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>
/// CPU time and resident memory of the bot process. Memory: on Linux it reads <c>/proc/&lt;pid&gt;/status</c>: VmRSS (now) and VmHWM (the
/// kernel's high-water mark of RSS over the process's life). A sampler records VmRSS every 100 ms and keeps the
/// maximum per named phase (e.g. one per platform), so phases of one run can be told apart.
/// </summary>
internal sealed class ProcessMeter : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly Process _process;
    private readonly Dictionary<string, long> _maxByPhase = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private string _phase = "start-up";

    public ProcessMeter(Process process)
    {
        _process = process;
        _loop = Task.Run(SampleLoopAsync);
    }

    public void BeginPhase(string phase)
    {
        lock (_lock)
        {
            _phase = phase;
        }

        Sample();
    }

    /// <summary>The largest VmRSS sampled during <paramref name="phase"/>, in MB.</summary>
    public double? MaxRssMb(string phase)
    {
        lock (_lock)
        {
            return _maxByPhase.TryGetValue(phase, out var bytes) ? bytes / (1024.0 * 1024.0) : null;
        }
    }

    /// <summary>The largest VmRSS sampled over the whole run, in MB.</summary>
    public double? MaxRssMb()
    {
        lock (_lock)
        {
            return _maxByPhase.Count == 0 ? null : _maxByPhase.Values.Max() / (1024.0 * 1024.0);
        }
    }

    /// <summary>CPU time (user + kernel) the process has used so far; zero once it has exited.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The peak resident set (VmHWM) of the process so far, in MB; null once it has exited.</summary>
    public double? PeakRssMb() => Read(_process, "VmHWM:") is { } bytes ? bytes / (1024.0 * 1024.0) : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task SampleLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Sample();
            await Task.Delay(Interval, _stop.Token);
        }
    }

    private void Sample()
    {
        if (Read(_process, "VmRSS:") is not { } rss)
        {
            return;
        }

        lock (_lock)
        {
            _maxByPhase[_phase] = Math.Max(rss, _maxByPhase.GetValueOrDefault(_phase));
        }
    }

    /// <summary>A "Vm…:  1234 kB" line of /proc/pid/status in bytes; elsewhere the Process class's equivalent.</summary>
    private static long? Read(Process process, string field)
    {
        try
        {
            if (process.HasExited)
            {
                return null;
            }

            if (!OperatingSystem.IsLinux())
            {
                process.Refresh();
                return field == "VmHWM:" ? process.PeakWorkingSet64 : process.WorkingSet64;
            }

            foreach (var line in File.ReadLines($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var number = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(number, NumberStyles.Integer, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or FormatException)
        {
            // The process exited between the check and the read.
        }

        return null;
    }
}
