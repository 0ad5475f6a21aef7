using System.Diagnostics;
using System.Net.Sockets;

namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// The built bot (CoachBot.dll next to these tests) as a separate OS process, configured through environment variables
/// (<c>Section__Key</c>) and serving HTTP on a fixed loopback port, so a test can kill it for real (SIGKILL, as
/// <c>kill -9</c>) or ask it to stop (SIGTERM) and start another on the same data folder.
/// </summary>
public sealed class BotOsProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private BotOsProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join('\n', _output);

    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>
    /// A free loopback port for a server the test starts a moment later (the bot, a management listener). It is taken
    /// below the kernel's ephemeral range (<c>/proc/sys/net/ipv4/ip_local_port_range</c>, 32768–60999 by default), where
    /// no socket is given a port unasked: a port 0 listener or an outgoing connection of a parallel test took an
    /// ephemeral port the bot was about to bind ("address already in use", seen once in a fresh-clone run). Never the same port twice
    /// in one test run, and only one that binds now.
    /// </summary>
    public static int FreePort()
    {
        var below = EphemeralRangeStart();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20000, below);
            if (HandedOut.TryAdd(port, true) && Binds(port))
            {
                return port;
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Binds(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start > 21000 ? start : 32768;
        }
        catch (IOException)
        {
            return 32768;
        }
        catch (UnauthorizedAccessException)
        {
            return 32768;
        }
    }

    public static async Task<BotOsProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int port, TimeSpan timeout)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoachBot.dll"));
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Terminal:Enabled"] = "false",
            ["Challenges:SchedulerEnabled"] = "false",
            ["Knowledge:Semantic:Enabled"] = "false",
            ["Knowledge:Path"] = Path.Combine(root, "knowledge"),
            ["Llm:PromptsPath"] = Path.Combine(root, "prompts"),
            ["Llm:EmbeddingModel"] = string.Empty,
            ["Discord:Token"] = string.Empty,
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = string.Empty,
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Http:Urls"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            ["RateLimits:PerUserPerMinute"] = "100000",
            ["RateLimits:PerCommunityPerMinute"] = "1000000",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotOsProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot.WaitUntilReadyAsync(timeout);
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    /// <summary>SIGKILL: no shutdown code runs, as with <c>kill -9</c> or a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a container runtime or systemd sends on stop.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>True when the process ended within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The bot exited before it was ready:\n" + Output);
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The bot did not become ready:\n" + Output);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachBot.sln")) || Directory.Exists(Path.Combine(dir.FullName, "knowledge", "guides")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root above " + AppContext.BaseDirectory);
    }
}
