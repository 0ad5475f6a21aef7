namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// One real host for the whole Slack (Socket Mode) abuse run, with the hostile fake LLM behind a required API key,
/// raised rate limits, one configured moderator and every log entry captured.
/// </summary>
public sealed partial class SlackAbuseFixture : IAsyncLifetime
{
    public const string Owner = "U222";
    public const string Someone = "U333";
    public const string Moderator = "UMOD1";
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);
    private readonly Lazy<Task<(string Live, string Ended)>> _quiz;
    private long _ids;

    public FakeSlackServer Slack { get; private set; } = null!;

    public FakeOpenAiServer Llm { get; private set; } = null!;

    public RealHost Host { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Visible Web API calls (posts, ephemerals, updates, streams, opened views) by channel and trigger id.</summary>
    public ReplyIndex<FakeSlackApiCall> Calls { get; private set; } = null!;

    /// <summary>Visible response_url posts by response_url id.</summary>
    public ReplyIndex<FakeResponsePost> ResponsePosts { get; private set; } = null!;

    public SlackAbuseFixture()
    {
        _quiz = new(MakeQuizSessionsAsync);
    }

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackServer.StartAsync(new FakeSlackOptions
        {
            BotToken = AbuseSecrets.SlackBotToken,
            AppToken = AbuseSecrets.SlackAppToken,
            SigningSecret = AbuseSecrets.SlackSigningSecret,
        });
        Llm = await HostileLlm.StartAsync();
        Calls = new ReplyIndex<FakeSlackApiCall>(() => Slack.Calls, VisibleKeys);
        ResponsePosts = new ReplyIndex<FakeResponsePost>(() => Slack.ResponsePosts, p => IsVisible(p.Body) ? [p.ResponseUrlId] : []);
        Host = await RealHost.StartAsync(
            services => AbuseLogging.Capture(services, Logs),
            [
                "--Slack:BotToken=" + AbuseSecrets.SlackBotToken,
                "--Slack:AppToken=" + AbuseSecrets.SlackAppToken,
                "--Slack:SigningSecret=" + AbuseSecrets.SlackSigningSecret,
                "--Slack:Mode=SocketMode",
                "--Slack:ApiBaseUrl=" + Slack.ApiBaseUrl,
                "--Slack:SocketConnections=1",
                "--Slack:SocketConnectionDelay=00:00:00",
                "--Slack:PerChannelMessageInterval=00:00:00",
                "--Slack:ModeratorUserIds:0=" + Moderator,
                .. HostileLlm.HostArguments(Llm),
            ]);
        await Slack.WaitForConnectionAsync(timeout: ReplyTimeout);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
        await Llm.DisposeAsync();
    }

    /// <summary>A fresh id with a Slack-like prefix (C channel, D DM channel…).</summary>
    public string NewId(char prefix) => prefix + "ABUSE" + Interlocked.Increment(ref _ids).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many visible replies went to any of these channels, trigger ids or response_url ids.</summary>
    public int Replies(params string[] keys) => Calls.Count(keys) + ResponsePosts.Count(keys);

    public async Task<bool> WaitForRepliesAsync(int atLeast, params string[] keys)
    {
        using var cts = new CancellationTokenSource(ReplyTimeout);
        while (Replies(keys) < atLeast)
        {
            try
            {
                await Task.Delay(20, cts.Token);
            }
            catch (OperationCanceledException)
            {
                return Replies(keys) >= atLeast;
            }
        }

        return true;
    }

    /// <summary>Sends an envelope as one raw frame (payload text spliced in as written) on the newest connection.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonNode? payload, RawJson raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var envelopeId = "abuse-" + Guid.NewGuid().ToString("N");
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["accepts_response_payload"] = type != "events_api",
            ["payload"] = payload,
        };
        if (type == "events_api")
        {
            envelope["retry_attempt"] = 0;
            envelope["retry_reason"] = string.Empty;
        }

        var connection = await Slack.WaitForAsync(s => s.NewestOpenConnection(), ReplyTimeout, "an open Socket Mode connection");
        await Slack.SendRawFrameAsync(raw.Write(envelope), connection);
        return envelopeId;
    }

    /// <summary>
    /// Quiz sessions of <see cref="Owner"/>, made once: <c>Ended</c> was abandoned through the "start a new quiz"
    /// button, <c>Live</c> replaced it and is still open.
    /// </summary>
    public Task<(string Live, string Ended)> QuizSessionsAsync() => _quiz.Value;

    private async Task<(string Live, string Ended)> MakeQuizSessionsAsync()
    {
        var channel = NewId('C');
        await Slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", "git 3", Owner, channel, Slack.CreateResponseUrl()));
        Assert.True(await WaitForRepliesAsync(1, channel), "/quiz git 3 was not answered");
        var question = Calls.For(channel)[0];
        var first = SessionIds(question.Body).First();
        var posted = Slack.Messages.First(m => m.Channel == channel && m.EphemeralUser is null);
        await Slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction(
            Owner, channel, posted.Ts, $"quiz:new:{first}:git:3:mixed", Slack.CreateResponseUrl()));
        Assert.True(await WaitForRepliesAsync(2, channel), "the start-a-new-quiz click was not answered");
        var second = Calls.For(channel).SelectMany(c => SessionIds(c.Body)).First(id => id != first);
        return (second, first);
    }

    public static bool IsVisible(JsonObject body) =>
        (body["text"] is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > 0)
        || (body["markdown_text"] is JsonValue streamed && streamed.TryGetValue<string>(out var m) && m.Length > 0)
        || body["blocks"] is JsonArray { Count: > 0 }
        || body["view"] is JsonObject;

    private static IEnumerable<string> VisibleKeys(FakeSlackApiCall call)
    {
        if (!call.Ok || call.Method is not ("chat.postMessage" or "chat.postEphemeral" or "chat.update" or "views.open"
            or "chat.startStream" or "chat.appendStream" or "chat.stopStream") || !IsVisible(call.Body))
        {
            yield break;
        }

        if (call.Field("channel") is { } channel)
        {
            yield return channel;
        }

        if (call.Field("trigger_id") is { } trigger)
        {
            yield return trigger;
        }
    }

    private static IEnumerable<string> SessionIds(JsonNode body) =>
        OutboundChecks.Strings(body).Select(s => QuizAnswerId().Match(s)).Where(m => m.Success).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^quiz:([0-9a-f]{32}):\d+:\d+$")]
    private static partial Regex QuizAnswerId();
}
