namespace CoachBot.Discord.Tests.Support;

/// <summary>
/// A real host (AddCoachCore + the stand-in features + AddDiscordAdapter) connected to a fresh fake Discord on 127.0.0.1.
/// Timings are shortened (reconnect backoff, identify window) so recovery scenarios run in well under a second.
/// </summary>
public sealed class DiscordTestHost : IAsyncDisposable
{
    private DiscordTestHost(FakeDiscordServer server, IHost host, CapturingLoggerProvider logs)
    {
        Server = server;
        Host = host;
        Logs = logs;
    }

    public FakeDiscordServer Server { get; }

    public IHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    public string BotUserId => Server.Options.BotUserId;

    /// <summary>What the stand-in features saw, and the gate that holds them.</summary>
    public StandInCoach Coach => Host.Services.GetRequiredService<StandInCoach>();

    public DiscordAdapterService Adapter => Host.Services.GetRequiredService<DiscordAdapterService>();

    public static async Task<DiscordTestHost> StartAsync(
        Action<Dictionary<string, string?>>? configure = null,
        Action<FakeDiscordServer>? arrangeServer = null,
        bool waitForSession = true,
        Action<IServiceCollection>? configureServices = null)
    {
        var server = await FakeDiscordServer.StartAsync();
        arrangeServer?.Invoke(server);
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = server.Options.Token,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
            ["Discord:ReconnectBaseDelayMs"] = "20",
            ["Discord:ReconnectMaxDelayMs"] = "200",
            ["Discord:InvalidSessionMinDelayMs"] = "10",
            ["Discord:InvalidSessionMaxDelayMs"] = "50",
            ["Discord:IdentifyIntervalMs"] = "0",
        };
        configure?.Invoke(settings);

        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddCoachCore();
        builder.Services.AddStandInFeatures();
        builder.Services.AddDiscordAdapter(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        var testHost = new DiscordTestHost(server, host, logs);
        if (waitForSession)
        {
            await server.WaitForSessionAsync();
        }

        return testHost;
    }

    public async ValueTask DisposeAsync()
    {
        // Release anything a test left waiting, so shutdown does not hang on an in-flight answer.
        Coach.OpenGate();
        Coach.ReleaseModel();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(timeout.Token);
        Host.Dispose();
        await Server.DisposeAsync();
    }
}
