using System.Globalization;
using CoachBot.Testing.FakeDiscord;
using CoachBot.Testing.FakeOpenAi;
using CoachBot.Testing.FakeSlack;

namespace CoachBot.LoadTest;

/// <summary>
/// Everything a run needs: the fakes from tests/CoachBot.Testing hosted in this process (Discord gateway + REST, Slack
/// Socket Mode + Web API, and a slow OpenAI chat-completions endpoint unless offline), all on 127.0.0.1, and the bot as
/// a separate process pointed at them, with its SQLite data in a temp folder deleted afterwards.
/// </summary>
internal sealed class LoadRig : IAsyncDisposable
{
    public const string LlmApiKey = "sk-load-test-fake-key";

    /// <summary>Raised so the load never meets the bot's per-person and per-community limits (stated in the output).</summary>
    public const int PerUserPerMinute = 100_000;

    public const int PerCommunityPerMinute = 1_000_000;

    private const string AskAnswer =
        "Start with one language and a relational database, then build and deploy a small API [P1]. "
        + "Practise SQL and HTTP fundamentals as you go [P1].";

    private const string InterviewFeedback =
        """{"score": 4, "strengths": ["Names the key idea and gives an example."], "missing_points": ["Trade-offs"], "improved_outline": "Define it\nWhy it matters\nAn example\nThe trade-offs", "follow_up": "When would you not do that?"}""";

    private readonly string _dataDirectory;

    private LoadRig(string dataDirectory, FakeOpenAiServer? llm, FakeDiscordServer? discord, FakeSlackServer? slack)
    {
        _dataDirectory = dataDirectory;
        Llm = llm;
        Discord = discord;
        Slack = slack;
    }

    public FakeOpenAiServer? Llm { get; }

    public FakeDiscordServer? Discord { get; }

    public FakeSlackServer? Slack { get; }

    public BotProcess? Bot { get; private set; }

    /// <summary>The bot's own web server (/metrics, /readyz), on a free loopback port so parallel runs never collide.</summary>
    public BotMetrics Metrics { get; } = new(BotMetrics.FreeLoopbackUrl());

    /// <summary>The bot's settings this run chose (secrets shown as "(set)"), for the report.</summary>
    public IReadOnlyList<string> DescribedSettings { get; private set; } = [];

    public static async Task<LoadRig> StartAsync(LoadTestOptions options, string repositoryRoot, string botPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "coachbot-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        FakeOpenAiServer? llm = null;
        if (!options.Offline)
        {
            llm = await FakeOpenAiServer.StartAsync();
            llm.RequiredApiKey = LlmApiKey;
            var delay = TimeSpan.FromMilliseconds(options.LlmDelayMs);
            if (options.FirstText > 0)
            {
                // Streamed answers: the delay is the model's time to its first token, then it writes at a steady pace.
                llm.StreamFirstTokenDelay = delay;
                llm.StreamTokensPerSecond = options.TokensPerSecond;
                llm.Responder = request => request.Streamed ? FakeChatResponse.Text(AskAnswer) : FakeChatResponse.Delayed(delay, FakeChatResponse.Text(AskAnswer));
            }
            else
            {
                // Interview feedback asks for JSON (its prompt names "missing_points"); everything else gets the answer text.
                llm.Responder = request => FakeChatResponse.Delayed(delay, FakeChatResponse.Text(
                    request.AllContent.Contains("missing_points", StringComparison.Ordinal) ? InterviewFeedback : AskAnswer));
            }
        }

        var discord = options.Discord ? await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 41_250 }) : null;
        var slack = options.Slack ? await FakeSlackServer.StartAsync() : null;
        if (slack is not null)
        {
            slack.RedeliverUnacked = false;
        }

        var rig = new LoadRig(dataDirectory, llm, discord, slack);
        try
        {
            var settings = rig.BotSettings(options, repositoryRoot);
            rig.DescribedSettings = settings
                .Where(s => s.Key.StartsWith("RateLimits", StringComparison.Ordinal) || s.Key == "Http:Urls" || options.BotSettings.Any(o => o.Key == s.Key))
                .Select(s => s.Key + "=" + s.Value)
                .ToList();
            rig.Bot = BotProcess.Start(botPath, settings, dataDirectory, options.BotLogLines);
            var timeout = TimeSpan.FromSeconds(60);
            if (discord is not null)
            {
                await rig.Bot.WaitForAsync(discord.WaitForSessionAsync(timeout), "the Discord gateway session", timeout);
            }

            if (slack is not null)
            {
                var connections = int.TryParse(settings.GetValueOrDefault("Slack:SocketConnections"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 2;
                await rig.Bot.WaitForAsync(
                    slack.WaitForConnectionAsync(connections, timeout),
                    string.Create(CultureInfo.InvariantCulture, $"{connections} Slack Socket Mode connection(s)"),
                    timeout);
            }

            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        if (Discord is not null)
        {
            await Discord.DisposeAsync();
        }

        if (Slack is not null)
        {
            await Slack.DisposeAsync();
        }

        if (Llm is not null)
        {
            await Llm.DisposeAsync();
        }

        Metrics.Dispose();

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"note: could not delete {_dataDirectory}"));
        }
    }

    /// <summary>
    /// The bot's configuration. Every key a developer's user secrets or environment might set is given explicitly (empty
    /// turns a platform or the LLM off), so the run doesn't depend on the machine. --bot-setting values come last and win.
    /// </summary>
    private Dictionary<string, string> BotSettings(LoadTestOptions options, string repositoryRoot)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Terminal:Enabled"] = "false",
            ["Http:Enabled"] = "true",
            ["Http:Urls"] = Metrics.BaseUrl.ToString().TrimEnd('/'),
            ["Challenges:SchedulerEnabled"] = "false",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = _dataDirectory,
            ["Storage:ConnectionString"] = string.Empty,
            ["Knowledge:Path"] = Path.Combine(repositoryRoot, "knowledge"),
            ["Llm:PromptsPath"] = Path.Combine(repositoryRoot, "prompts"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["RateLimits:PerUserPerMinute"] = PerUserPerMinute.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:PerCommunityPerMinute"] = PerCommunityPerMinute.ToString(CultureInfo.InvariantCulture),
            ["Llm:Endpoint"] = Llm?.BaseUrl.ToString() ?? string.Empty,
            ["Llm:ChatModel"] = Llm is null ? string.Empty : "fake-model",
            ["Llm:ApiKey"] = Llm is null ? string.Empty : LlmApiKey,
            ["Llm:EmbeddingModel"] = string.Empty,
            ["Llm:TimeoutSeconds"] = "60",
            ["Discord:Token"] = Discord?.Options.Token ?? string.Empty,
            ["Discord:ApiBaseUrl"] = Discord?.ApiBaseUrl ?? "https://discord.com/api/v10",
            ["Slack:BotToken"] = Slack?.Options.BotToken ?? string.Empty,
            ["Slack:AppToken"] = Slack?.Options.AppToken ?? string.Empty,
            ["Slack:Mode"] = "SocketMode",
            ["Slack:ApiBaseUrl"] = Slack?.ApiBaseUrl ?? "https://slack.com/api/",
            // Both connections up at once instead of 10 s apart, so the second does not open in the middle of a burst.
            ["Slack:SocketConnectionDelay"] = "00:00:00",
            // The fake's response_url is plain http on 127.0.0.1: allowed here as it is in the tests (never in production).
            ["Slack:ResponseUrlHosts:0"] = "127.0.0.1",
            ["Slack:AllowInsecureResponseUrls"] = "true",
        };
        foreach (var (key, value) in options.BotSettings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
