using CoachBot.Core;
using CoachBot.Testing.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Testing.Features;

/// <summary>
/// Collects what a <see cref="FeatureTestHost"/> is made of: settings, the clock, the data folder, the features (their
/// production AddX() methods), seams a test overrides, and start-up work (e.g. migrations).
/// </summary>
public sealed class FeatureTestHostBuilder
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase)
    {
        // Tests send many requests from one user in a burst; the limiter has tests of its own.
        ["RateLimits:PerUserPerMinute"] = "10000",
    };

    private readonly List<Action<IServiceCollection>> _features = [];
    private readonly List<Action<IServiceCollection>> _overrides = [];
    private readonly List<(string FileName, Func<Task<string>> Template)> _seedFiles = [];
    private readonly List<Func<IServiceProvider, CancellationToken, Task>> _onStarted = [];
    private readonly List<Action> _releaseFiles = [];
    private FakeTimeProvider? _time;
    private bool _systemClock;
    private string? _dataDirectory;
    private ILoggerProvider? _logs;

    internal FeatureTestHostBuilder()
    {
    }

    public FeatureTestHostBuilder WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Adds to or overrides the configuration (later values win).</summary>
    public FeatureTestHostBuilder WithSettings(IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        return this;
    }

    /// <summary>The fake clock the host registers as its <see cref="TimeProvider"/> (default: one at <see cref="FeatureTestHost.DefaultStart"/>).</summary>
    public FeatureTestHostBuilder WithClock(FakeTimeProvider time)
    {
        _time = time;
        _systemClock = false;
        return this;
    }

    /// <summary>
    /// Real time, for code whose waits must elapse on their own (an HTTP client's resilience pipeline waits on the
    /// registered TimeProvider, which a fake clock would never move).
    /// </summary>
    public FeatureTestHostBuilder WithSystemClock()
    {
        _time = null;
        _systemClock = true;
        return this;
    }

    /// <summary>
    /// A data folder the test keeps (e.g. to start a second host on it, as a restarted bot); without one the host uses
    /// a new temp folder and deletes it when disposed.
    /// </summary>
    public FeatureTestHostBuilder WithDataDirectory(string directory)
    {
        _dataDirectory = directory;
        return this;
    }

    /// <summary>The repository's knowledge/ (guides, banks) and prompts/ folders.</summary>
    public FeatureTestHostBuilder WithRepositoryContent() =>
        WithSetting("Knowledge:Path", RepositoryFolders.Knowledge).WithSetting("Llm:PromptsPath", RepositoryFolders.Prompts);

    /// <summary>Points the model client at an OpenAI-compatible endpoint (the fake server on loopback).</summary>
    public FeatureTestHostBuilder WithOpenAiEndpoint(Uri endpoint, string apiKey, int timeoutSeconds = 5)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return WithSetting("Llm:Endpoint", endpoint.ToString())
            .WithSetting("Llm:ApiKey", apiKey)
            .WithSetting("Llm:ChatModel", "fake-chat-model")
            .WithSetting("Llm:TimeoutSeconds", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public FeatureTestHostBuilder WithLogs(ILoggerProvider logs)
    {
        _logs = logs;
        return this;
    }

    /// <summary>Registers features the way the host does: pass their production AddX() calls, after AddCoachCore.</summary>
    public FeatureTestHostBuilder AddFeatures(Action<IServiceCollection> register)
    {
        _features.Add(register);
        return this;
    }

    /// <summary>Replaces every registration of <typeparamref name="TService"/> with <paramref name="instance"/> (a seam the test controls).</summary>
    public FeatureTestHostBuilder Override<TService>(TService instance)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(instance);
        _overrides.Add(services =>
        {
            services.RemoveAll<TService>();
            services.AddSingleton(instance);
        });
        return this;
    }

    /// <summary>Registrations applied after the features (extra handlers, several implementations of one seam).</summary>
    public FeatureTestHostBuilder ConfigureServices(Action<IServiceCollection> configure)
    {
        _overrides.Add(configure);
        return this;
    }

    /// <summary>Copies <paramref name="template"/>'s file into the data folder as <paramref name="fileName"/> unless one is there (a restarted bot keeps its data).</summary>
    public FeatureTestHostBuilder SeedDataFile(string fileName, Func<Task<string>> template)
    {
        _seedFiles.Add((fileName, template));
        return this;
    }

    /// <summary>Work done once the services are built, before the host is handed to the test (e.g. migrations).</summary>
    public FeatureTestHostBuilder OnStarted(Func<IServiceProvider, CancellationToken, Task> start)
    {
        _onStarted.Add(start);
        return this;
    }

    /// <summary>Run after the services stop and before the data folder is deleted (e.g. to close pooled SQLite connections).</summary>
    public FeatureTestHostBuilder ReleasingFilesWith(Action release)
    {
        _releaseFiles.Add(release);
        return this;
    }

    public async Task<FeatureTestHost> StartAsync(CancellationToken cancellationToken = default)
    {
        var ownsDirectory = _dataDirectory is null;
        var directory = _dataDirectory ?? Path.Combine(Path.GetTempPath(), "coachbot-feature-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach (var (fileName, template) in _seedFiles)
        {
            var file = Path.Combine(directory, fileName);
            if (!File.Exists(file))
            {
                File.Copy(await template().ConfigureAwait(false), file);
            }
        }

        var time = _systemClock ? null : _time ?? new FakeTimeProvider(FeatureTestHost.DefaultStart);
        var services = new ServiceCollection();
        var settings = new Dictionary<string, string?>(_settings, StringComparer.OrdinalIgnoreCase);
        settings.TryAdd("Storage:DataDirectory", directory);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging =>
        {
            if (_logs is not null)
            {
                logging.AddProvider(_logs);
            }
        });
        services.AddSingleton<TimeProvider>(time ?? TimeProvider.System);
        services.AddCoachCore();
        foreach (var register in _features)
        {
            register(services);
        }

        foreach (var apply in _overrides)
        {
            apply(services);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var release = _releaseFiles.ToArray();
        var host = new FeatureTestHost(provider, time, directory, () => CleanUp(directory, ownsDirectory, release));
        try
        {
            foreach (var start in _onStarted)
            {
                await start(provider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    private static void CleanUp(string directory, bool ownsDirectory, Action[] release)
    {
        foreach (var action in release)
        {
            action();
        }

        if (!ownsDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the OS cleans its temp folder.
        }
    }
}
