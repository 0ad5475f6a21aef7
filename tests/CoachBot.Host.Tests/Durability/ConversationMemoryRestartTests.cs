namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// Conversation memory lives in the database (issue #18): the built bot answers a question, is stopped, and a new
/// process on the same SQLite file answers the follow-up with the earlier turn in the model's request.
/// </summary>
public sealed class ConversationMemoryRestartTests : IAsyncLifetime, IDisposable
{
    private const string FirstQuestion = "How do I get my first backend job?";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly DurabilityRig _rig = new("coachbot-memory", FakeChatResponse.Text("From the guide: build projects and apply [P1]."));
    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync()
    {
        await _rig.InitializeAsync();
        _slack = await FakeSlackServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _rig.DisposeAsync();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task AFollowUpAfterARestartOnTheSameSqliteFile_ReachesTheModelWithTheEarlierQuestion()
    {
        var port = BotOsProcess.FreePort();
        var questionTs = _slack.NextTs();
        await using (var first = await BotOsProcess.StartAsync(Settings(), port, DurabilityRig.StartTimeout))
        {
            using var response = await Driver(port).SendEventAsync(FakeSlackPayloads.EventCallback(
                FakeSlackPayloads.Message("U0777", FirstQuestion, "DMEMORY", questionTs, "im")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await _slack.WaitUntilAsync(s => AnswersIn(s, questionTs) >= 1, DurabilityRig.Guard, "the first question answered");
            first.Terminate();
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(40)), "the bot did not exit after SIGTERM:\n" + first.Output);
        }

        var before = _rig.Llm.Requests.Count;
        await using var second = await BotOsProcess.StartAsync(Settings(), port, DurabilityRig.StartTimeout);
        using (var followUp = await Driver(port).SendEventAsync(FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.Message("U0777", "and what do they pay?", "DMEMORY", _slack.NextTs(), "im", threadTs: questionTs))))
        {
            Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        }

        await _slack.WaitUntilAsync(s => AnswersIn(s, questionTs) >= 2, DurabilityRig.Guard, "the follow-up answered");
        var afterRestart = _rig.Llm.Requests.Skip(before).ToList();
        Assert.NotEmpty(afterRestart);
        Assert.Contains(afterRestart, r => r.AllContent.Contains(FirstQuestion, StringComparison.Ordinal));
    }

    private static int AnswersIn(FakeSlackServer slack, string threadTs) =>
        slack.Calls.Count(c => c.Ok && c.Method is "chat.postMessage" or "chat.startStream" && c.Field("channel") == "DMEMORY" && c.Field("thread_ts") == threadTs);

    private SlackHttpDriver Driver(int port) =>
        new(_http, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/slack/events")), _slack.Options.SigningSecret);

    private Dictionary<string, string> Settings() => _rig.Settings(
        new Dictionary<string, string>
        {
            ["Slack:Mode"] = "Http",
            ["Slack:BotToken"] = _slack.Options.BotToken,
            ["Slack:SigningSecret"] = _slack.Options.SigningSecret,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
            ["Slack:PerChannelMessageInterval"] = "00:00:00",
        });
}
