using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>
/// The bot under test as a separate OS process (the built src/CoachBot, the same binary an operator runs), configured
/// only through environment variables (<c>Section__Key</c>), with its output captured: the first lines are echoed to
/// standard error with a <c>bot |</c> prefix and the last ones kept for error reports. It is killed when this object is
/// disposed and, as a safety net, when this process exits, is interrupted (Ctrl+C, SIGTERM) or crashes.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private const int KeptLines = 40;
    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lastLines = new();
    private readonly int _echoLines;
    private int _lines;

    static BotProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) =>
        {
            Interrupted = true;
            KillAll();
            Console.Error.WriteLine("interrupted: the bot process was stopped");
        };
    }

    private BotProcess(Process process, string commandLine, int echoLines)
    {
        _process = process;
        _echoLines = echoLines;
        CommandLine = commandLine;
        Meter = new ProcessMeter(process);
    }

    /// <summary>True once Ctrl+C (SIGINT) arrived; whatever fails after that is a consequence, not a finding.</summary>
    public static bool Interrupted { get; private set; }

    public int Id => _process.Id;

    public string CommandLine { get; }

    public ProcessMeter Meter { get; }

    public bool HasExited => _process.HasExited;

    public int SuppressedLines => Math.Max(0, Volatile.Read(ref _lines) - _echoLines);

    /// <summary>Starts the bot. <paramref name="settings"/> are configuration keys (<c>Section:Key</c>) and values.</summary>
    public static BotProcess Start(string botPath, IReadOnlyDictionary<string, string> settings, string workingDirectory, int echoLines)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (botPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = DotnetHost();
            start.ArgumentList.Add(botPath);
        }
        else
        {
            start.FileName = botPath;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var commandLine = string.Join(' ', new[] { start.FileName }.Concat(start.ArgumentList));
        var bot = new BotProcess(process, commandLine, echoLines);
        process.OutputDataReceived += (_, e) => bot.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => bot.OnLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start the bot: " + commandLine);
        }

        Live[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits for <paramref name="ready"/>; fails early, with the bot's last output, if the bot exits or time runs out.</summary>
    public async Task WaitForAsync(Task ready, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(ready);
        using var cts = new CancellationTokenSource(timeout);
        var exited = _process.WaitForExitAsync(cts.Token);
        var finished = await Task.WhenAny(ready, exited, Task.Delay(Timeout.Infinite, cts.Token));
        if (finished == ready)
        {
            await ready;
            return;
        }

        var reason = _process.HasExited
            ? string.Create(CultureInfo.InvariantCulture, $"the bot exited with code {_process.ExitCode} before {what}")
            : string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
        throw new BotFailedException(reason, LastLines);
    }

    public IReadOnlyList<string> LastLines => [.. _lastLines];

    public async ValueTask DisposeAsync()
    {
        await Meter.DisposeAsync();
        Kill(_process);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"warning: bot process {_process.Id} did not exit after kill"));
        }

        Live.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lastLines.Enqueue(line);
        while (_lastLines.Count > KeptLines && _lastLines.TryDequeue(out _))
        {
        }

        if (Interlocked.Increment(ref _lines) <= _echoLines)
        {
            Console.Error.WriteLine("bot | " + line);
        }
    }

    private static void KillAll()
    {
        foreach (var process in Live.Values)
        {
            Kill(process);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    /// <summary>The dotnet host that runs this tool, so the bot runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}

/// <summary>The bot process died or never got ready; carries its last output lines.</summary>
internal sealed class BotFailedException(string message, IReadOnlyList<string> lastLines) : Exception(message)
{
    public IReadOnlyList<string> LastLines { get; } = lastLines;
}
