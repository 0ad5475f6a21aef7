using Microsoft.Extensions.Hosting;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// The real CoachBot host (CoachHostFactory.Build: every real feature, the real knowledge/ folder and prompts) with a
/// fresh SQLite folder, configured with command-line style arguments that point its adapters and LLM client at fakes.
/// Only the external services are fake. Disposing stops the host and deletes the data folder, unless the folder was
/// another host's (<see cref="SharingDataOf"/>: two bots on one database).
/// </summary>
public sealed class RealHost : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly bool _ownsData;

    private RealHost(IHost host, string dataDirectory, bool ownsData)
    {
        Host = host;
        _dataDirectory = dataDirectory;
        _ownsData = ownsData;
    }

    /// <summary>An argument that makes the next host use <paramref name="other"/>'s database (it is not deleted with the next host).</summary>
    public static string SharingDataOf(RealHost other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SharedDataArgument + other._dataDirectory;
    }

    private const string SharedDataArgument = "--Storage:DataDirectory=";

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>The operator web server's address (http://127.0.0.1:port), when the host serves HTTP.</summary>
    public Uri? BaseAddress =>
        Host.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?
            .Addresses.Select(a => new Uri(a)).FirstOrDefault();

    public static Task<RealHost> StartAsync(params string[] platformArgs) => StartAsync(configureServices: null, platformArgs);

    /// <summary>As <see cref="StartAsync(string[])"/>, with extra registrations after the host's own (e.g. a log-capturing provider).</summary>
    public static async Task<RealHost> StartAsync(Action<IServiceCollection>? configureServices, params string[] platformArgs)
    {
        var shared = platformArgs.LastOrDefault(a => a.StartsWith(SharedDataArgument, StringComparison.Ordinal))?[SharedDataArgument.Length..];
        var dataDirectory = shared ?? Path.Combine(Path.GetTempPath(), "coachbot-e2e-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dataDirectory);
        string[] args =
        [
            // Answers stay lexical unless a test turns the sentence model on: no model load and no background embedding
            // per host, and no answer changing mid-test when the vectors become ready. Later arguments override this.
            "--Knowledge:Semantic:Enabled=false",
            // No hot-path warm-up (its canned rounds would cost every host CPU in the background); its own tests turn it on.
            "--Warmup:Rounds=0",
            // The fake Slack hands out response_urls on http://127.0.0.1; a test of the refusal sets these back.
            "--Slack:ResponseUrlHosts:0=127.0.0.1",
            "--Slack:AllowInsecureResponseUrls=true",
            .. platformArgs,
            "--Terminal:Enabled=false",
            "--Challenges:SchedulerEnabled=false",
            "--Storage:DataDirectory=" + dataDirectory,
            "--Logging:LogLevel:Default=Warning",
            // A platform turns the operator web server on; a free port each, so hosts in parallel tests don't collide
            // (unless the test chose its own, e.g. to know Http:PublicBaseUrl before the start).
            .. platformArgs.Any(a => a.StartsWith("--Http:Urls=", StringComparison.Ordinal)) ? Array.Empty<string>() : ["--Http:Urls=http://127.0.0.1:0"],
        ];
        var host = CoachHostFactory.Build(args, configureServices);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            if (shared is null)
            {
                DeleteQuietly(dataDirectory);
            }

            throw;
        }

        return new RealHost(host, dataDirectory, ownsData: shared is null);
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await Host.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // A stuck shutdown must not hide the test's own result; the host is disposed anyway.
            }
        }

        Host.Dispose();
        if (_ownsData)
        {
            DeleteQuietly(_dataDirectory);
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
