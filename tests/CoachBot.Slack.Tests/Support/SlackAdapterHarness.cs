using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoachBot.Slack.Tests.Support;

/// <summary>
/// The real adapter (AddCoachCore + the stand-in features + AddSlackAdapter) running against a <see cref="FakeSlackServer"/> on
/// 127.0.0.1, in Socket Mode (a generic host) or HTTP mode (a WebApplication with MapSlackEndpoints on a random port).
/// </summary>
public sealed class SlackAdapterHarness : IAsyncDisposable
{
    private IHost? _host;
    private WebApplication? _web;
    private HttpClient? _http;

    private SlackAdapterHarness(FakeSlackServer fake)
    {
        Fake = fake;
    }

    public FakeSlackServer Fake { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _web?.Services ?? _host!.Services;

    /// <summary>What the stand-in features saw, and the gate that holds them.</summary>
    public StandInCoach Coach => Services.GetRequiredService<StandInCoach>();

    /// <summary>HTTP mode only: plays Slack's side of signed requests against the running app.</summary>
    public SlackHttpDriver? Driver { get; private set; }

    public SlackSocketModeClient SocketClient => Services.GetRequiredService<SlackSocketModeClient>();

    public static async Task<SlackAdapterHarness> StartSocketModeAsync(
        Dictionary<string, string?>? settings = null,
        bool waitForConnection = true,
        FakeSlackOptions? fakeOptions = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var harness = new SlackAdapterHarness(await FakeSlackServer.StartAsync(fakeOptions));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(harness.Settings("SocketMode", settings));
        harness.Configure(builder.Services, builder.Configuration);
        configureServices?.Invoke(builder.Services);
        harness._host = builder.Build();
        await harness._host.StartAsync();
        if (waitForConnection)
        {
            await harness.Fake.WaitForConnectionAsync();
        }

        return harness;
    }

    /// <param name="settings">Configuration overrides.</param>
    /// <param name="configureServices">Registrations after the adapter's own (e.g. a failing inbox).</param>
    public static async Task<SlackAdapterHarness> StartHttpModeAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var harness = new SlackAdapterHarness(await FakeSlackServer.StartAsync());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(harness.Settings("Http", settings));
        harness.Configure(builder.Services, builder.Configuration);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync();
        harness._web = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        harness._http = new HttpClient();
        harness.Driver = new SlackHttpDriver(harness._http, new Uri(address.TrimEnd('/') + "/slack/events"), harness.Fake.Options.SigningSecret);
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        Coach.OpenGate();
        Coach.ReleaseModel();
        if (_host is not null)
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5));
            _host.Dispose();
        }

        if (_web is not null)
        {
            await _web.StopAsync(TimeSpan.FromSeconds(5));
            await _web.DisposeAsync();
        }

        _http?.Dispose();
        await Fake.DisposeAsync();
        Logs.Dispose();
    }

    private Dictionary<string, string?> Settings(string mode, Dictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Fake.Options.BotToken,
            ["Slack:AppToken"] = Fake.Options.AppToken,
            ["Slack:SigningSecret"] = Fake.Options.SigningSecret,
            ["Slack:Mode"] = mode,
            ["Slack:ApiBaseUrl"] = Fake.ApiBaseUrl,
            ["Slack:ResponseUrlHosts:0"] = "127.0.0.1",
            ["Slack:AllowInsecureResponseUrls"] = "true",
            ["Slack:SocketConnections"] = "1",
            ["Slack:SocketConnectionDelay"] = "00:00:00",
            ["Slack:PerChannelMessageInterval"] = "00:00:00",
            ["Slack:ModeratorUserIds:0"] = "UMOD1",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    private void Configure(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddCoachCore();
        services.AddStandInFeatures();
        services.AddSlackAdapter(configuration);
    }
}
