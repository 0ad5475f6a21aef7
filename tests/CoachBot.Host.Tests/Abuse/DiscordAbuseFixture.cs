namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// One real host for the whole Discord abuse run: the fake Discord (with a generous acknowledgement deadline: this run
/// checks answers, not timing), the hostile fake LLM behind a required API key, rate limits raised so the corpus is
/// answered rather than throttled, and every log entry captured.
/// </summary>
public sealed partial class DiscordAbuseFixture : IAsyncLifetime
{
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);
    private readonly Lazy<Task<(string Live, string Ended)>> _quiz;

    public FakeDiscordServer Discord { get; private set; } = null!;

    public FakeOpenAiServer Llm { get; private set; } = null!;

    public RealHost Host { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Visible replies (messages, edits, follow-ups, type 4/7/9 callbacks) filed under every segment of their path.</summary>
    public ReplyIndex<RecordedRequest> Replies { get; private set; } = null!;

    public string BotUserId => Discord.Options.BotUserId;

    public DiscordAbuseFixture()
    {
        _quiz = new(MakeQuizSessionsAsync);
    }

    public async Task InitializeAsync()
    {
        Discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            Token = AbuseSecrets.DiscordToken,
            InteractionDeadline = TimeSpan.FromMinutes(10),
        });
        Llm = await HostileLlm.StartAsync();
        Replies = new ReplyIndex<RecordedRequest>(() => Discord.Requests, VisibleKeys);
        Host = await RealHost.StartAsync(
            services => AbuseLogging.Capture(services, Logs),
            [
                "--Discord:Token=" + AbuseSecrets.DiscordToken,
                "--Discord:ApiBaseUrl=" + Discord.ApiBaseUrl,
                "--Discord:IdentifyIntervalMs=0",
                "--Discord:ReconnectBaseDelayMs=20",
                .. HostileLlm.HostArguments(Llm),
            ]);
        await Discord.WaitForSessionAsync(ReplyTimeout);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Discord.DisposeAsync();
        await Llm.DisposeAsync();
    }

    /// <summary>
    /// Quiz sessions of the default user, made once: <c>Ended</c> was abandoned (through the "start a new quiz" button),
    /// <c>Live</c> is the one that replaced it and is still open.
    /// </summary>
    public Task<(string Live, string Ended)> QuizSessionsAsync() => _quiz.Value;

    private async Task<(string Live, string Ended)> MakeQuizSessionsAsync()
    {
        var channel = FakeDiscordEvents.NextId();
        var start = await Discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
            "quiz", [FakeDiscordEvents.Option("skill", "git"), FakeDiscordEvents.Option("questions", 3)], channelId: channel));
        Assert.True(await Replies.WaitAsync(ReplyTimeout, 1, start.Token), "/quiz git 3 was not answered");
        var first = SessionIds(Replies.For(start.Token)).First();
        var restart = await Discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick($"quiz:new:{first}:git:3:mixed", channelId: channel));
        Assert.True(await Replies.WaitAsync(ReplyTimeout, 1, restart.Token), "the start-a-new-quiz click was not answered");
        var second = SessionIds(Replies.For(restart.Token)).First(id => id != first);
        return (second, first);
    }

    public static bool IsVisible(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Method is "POST" or "PATCH"
            && request.Status is >= 200 and < 300
            && request.Body is JsonObject body
            && !request.Path.EndsWith("/threads", StringComparison.Ordinal)
            && (HasContent(body) || (body["data"] is JsonObject data && (HasContent(data) || data["title"] is JsonValue)));
    }

    private static string[] VisibleKeys(RecordedRequest request) =>
        IsVisible(request) ? request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries) : [];

    private static bool HasContent(JsonObject message) =>
        (message["content"] is JsonValue content && content.TryGetValue<string>(out var text) && text.Length > 0)
        || message["components"] is JsonArray { Count: > 0 }
        || message["embeds"] is JsonArray { Count: > 0 };

    private static IEnumerable<string> SessionIds(IEnumerable<RecordedRequest> requests) =>
        requests.SelectMany(r => OutboundChecks.Strings(r.Body))
            .Select(s => QuizAnswerId().Match(s))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^quiz:([0-9a-f]{32}):\d+:\d+$")]
    private static partial Regex QuizAnswerId();
}
