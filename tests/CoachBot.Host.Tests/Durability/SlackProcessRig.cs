namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// The built bot as its own process against a fake Slack: the durability rig (shared data folder, fake LLM), a
/// <see cref="FakeSlackServer"/>, and signed Events API requests to the bot's HTTP endpoint.
/// </summary>
public sealed class SlackProcessRig(string folderPrefix, FakeChatResponse behaviour) : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public DurabilityRig Durability { get; } = new(folderPrefix, behaviour);

    public FakeSlackServer Slack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Durability.InitializeAsync();
        Slack = await FakeSlackServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Durability.DisposeAsync();
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Sends signed Events API requests to the bot listening on <paramref name="port"/>.</summary>
    public SlackHttpDriver Driver(int port) =>
        new(_http, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/slack/events")), Slack.Options.SigningSecret);

    /// <summary>The bot's settings for <paramref name="mode"/> (Http or SocketMode) against the fake Slack, then the test's.</summary>
    public Dictionary<string, string> Settings(string mode, params (string Key, string Value)[] extra) => Durability.Settings(
        new Dictionary<string, string>
        {
            ["Slack:Mode"] = mode,
            ["Slack:BotToken"] = Slack.Options.BotToken,
            ["Slack:AppToken"] = Slack.Options.AppToken,
            ["Slack:SigningSecret"] = Slack.Options.SigningSecret,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["Slack:PerChannelMessageInterval"] = "00:00:00",
            ["Slack:SocketConnectionDelay"] = "00:00:00",
        },
        extra);
}
