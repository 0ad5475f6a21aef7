using System.Globalization;
using CoachBot.Testing.FakeDiscord;
using CoachBot.Testing.FakeOpenAi;
using CoachBot.Testing.FakeSlack;

namespace CoachBot.LoadTest;

/// <summary>
/// Everything a run needs: the fakes from tests/CoachBot.Testing hosted in this process (Discord gateway + REST, Slack
/// Socket Mode + Web API, and a slow OpenAI chat-completions endpoint unless offline), all on 127.0.0.1, and the bot as
/// a separate process pointed at them, with its SQLite data in a temp folder deleted afterwards. With --postgres the
/// bot stores in a fresh PostgreSQL database instead (dropped afterwards), and --bot-processes N starts N bot processes
/// on it, one after the other: process i runs Discord shard i of N and opens its own Slack Socket Mode connections.
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

    /// <summary>Discord's global REST limit per bot (requests/s), shared out over the processes.</summary>
    private const int DiscordGlobalLimit = 50;

    /// <summary>Settings shown in the report's header when several processes run.</summary>
    private static readonly string[] MultiProcessKeys = ["Storage:Provider", "Discord:ShardCount", "Discord:RegisterCommands", "Discord:MaxRequestsPerSecond", "Slack:SocketProcesses", "Slack:SocketConnections"];

    private readonly string _dataDirectory;
    private readonly Dictionary<int, int> _slackConnectionOwners = [];

    private readonly List<BotProcess> _bots = [];

    private LoadRig(string dataDirectory, FakeOpenAiServer? llm, FakeDiscordServer? discord, FakeSlackServer? slack, int processes)
    {
        _dataDirectory = dataDirectory;
        Llm = llm;
        Discord = discord;
        Slack = slack;
        Metrics = new BotMetrics(Enumerable.Range(0, processes).Select(_ => BotMetrics.FreeLoopbackUrl()).ToList());
        Meters = new BotMeters(_bots);
    }

    public FakeOpenAiServer? Llm { get; }

    /// <summary>When the fake model received each request (burst mode and first-text mode).</summary>
    public static ModelRequestLog ModelRequests { get; } = new();

    public FakeDiscordServer? Discord { get; }

    public FakeSlackServer? Slack { get; }

    /// <summary>The bot processes, in start order (process i runs Discord shard i when there are several).</summary>
    public IReadOnlyList<BotProcess> Bots => _bots;

    public BotMeters Meters { get; }

    /// <summary>The fresh PostgreSQL database of this run (--postgres); null on SQLite.</summary>
    public ScratchDatabase? Database { get; private set; }

    /// <summary>Per Slack Socket Mode connection id, the bot process (0-based) that opened it.</summary>
    public IReadOnlyDictionary<int, int> SlackConnectionOwners => _slackConnectionOwners;

    /// <summary>The bots' own web servers (/metrics, /readyz), each on a free loopback port so parallel runs never collide.</summary>
    public BotMetrics Metrics { get; }

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
                llm.Responder = request =>
                {
                    ModelRequests.Record();
                    return request.Streamed ? FakeChatResponse.Text(AskAnswer) : FakeChatResponse.Delayed(delay, FakeChatResponse.Text(AskAnswer));
                };
            }
            else
            {
                // Interview feedback asks for JSON (its prompt names "missing_points"); everything else gets the answer text.
                llm.Responder = request =>
                {
                    ModelRequests.Record();
                    return FakeChatResponse.Delayed(delay, FakeChatResponse.Text(
                        request.AllContent.Contains("missing_points", StringComparison.Ordinal) ? InterviewFeedback : AskAnswer));
                };
            }
        }

        var discord = options.Discord ? await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 41_250 }) : null;
        var slack = options.Slack ? await FakeSlackServer.StartAsync() : null;
        if (slack is not null)
        {
            slack.RedeliverUnacked = false;
            // Several processes: Slack hands each envelope to one of the app's open connections, whichever process holds it.
            slack.SpreadEnvelopes = options.BotProcesses > 1;
        }

        var rig = new LoadRig(dataDirectory, llm, discord, slack, options.BotProcesses);
        try
        {
            if (options.Postgres is { } server)
            {
                rig.Database = await ScratchDatabase.CreateAsync(server);
                Progress.Say("PostgreSQL database for this run: " + rig.Database.Name);
            }

            for (var i = 0; i < options.BotProcesses; i++)
            {
                await rig.StartBotAsync(options, repositoryRoot, botPath, i);
            }

            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts bot process <paramref name="index"/> and waits for its Discord shard and Slack connections.</summary>
    private async Task StartBotAsync(LoadTestOptions options, string repositoryRoot, string botPath, int index)
    {
        var settings = BotSettings(options, repositoryRoot, index);
        if (index == 0)
        {
            DescribedSettings = settings
                .Where(s => s.Key.StartsWith("RateLimits", StringComparison.Ordinal) || s.Key == "Http:Urls" || options.BotSettings.Any(o => o.Key == s.Key)
                    || (options.BotProcesses > 1 && MultiProcessKeys.Any(k => s.Key.StartsWith(k, StringComparison.Ordinal))))
                .Select(s => s.Key + "=" + (s.Key == "Storage:ConnectionString" ? "(the run's database)" : s.Value))
                .ToList();
        }

        if (index > 0)
        {
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"starting bot process {index + 1} of {options.BotProcesses}"));
        }

        var slackBefore = Slack?.Connections.Count ?? 0;
        var bot = BotProcess.Start(botPath, settings, _dataDirectory, options.BotLogLines);
        _bots.Add(bot);
        var timeout = TimeSpan.FromSeconds(60);
        if (Discord is { } discord)
        {
            await bot.WaitForAsync(
                options.BotProcesses == 1
                    ? discord.WaitForSessionAsync(timeout)
                    : discord.WaitUntilAsync(() => discord.OpenShards.Contains(index), string.Create(CultureInfo.InvariantCulture, $"shard {index}"), timeout),
                string.Create(CultureInfo.InvariantCulture, $"the Discord gateway session{(options.BotProcesses == 1 ? string.Empty : $" of shard {index}")}"),
                timeout);
        }

        if (Slack is { } slack)
        {
            var connections = int.TryParse(settings.GetValueOrDefault("Slack:SocketConnections"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 2;
            await bot.WaitForAsync(
                slack.WaitForConnectionAsync(slackBefore + connections, timeout),
                string.Create(CultureInfo.InvariantCulture, $"{connections} Slack Socket Mode connection(s)"),
                timeout);
            foreach (var connection in slack.Connections.Skip(slackBefore))
            {
                _slackConnectionOwners[connection.Id] = index;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
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
    private Dictionary<string, string> BotSettings(LoadTestOptions options, string repositoryRoot, int index)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Terminal:Enabled"] = "false",
            ["Http:Enabled"] = "true",
            ["Http:Urls"] = Metrics.BaseUrls[index].ToString().TrimEnd('/'),
            ["Challenges:SchedulerEnabled"] = "false",
            ["Storage:Provider"] = Database is null ? "Sqlite" : "Postgres",
            ["Storage:DataDirectory"] = _dataDirectory,
            ["Storage:ConnectionString"] = Database?.ConnectionString ?? string.Empty,
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
        if (options.BotProcesses > 1)
        {
            // The split docs/operations.md ("Running several processes") prescribes: a shard each, commands registered
            // by one process, Discord's global REST limit shared out, every process counting the Socket Mode processes.
            settings["Discord:ShardCount"] = options.BotProcesses.ToString(CultureInfo.InvariantCulture);
            settings["Discord:ShardIds:0"] = index.ToString(CultureInfo.InvariantCulture);
            settings["Discord:RegisterCommands"] = index == 0 ? "true" : "false";
            settings["Discord:MaxRequestsPerSecond"] = (DiscordGlobalLimit / options.BotProcesses).ToString(CultureInfo.InvariantCulture);
            settings["Slack:SocketProcesses"] = options.BotProcesses.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in options.BotSettings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
