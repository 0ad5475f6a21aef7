namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// Conversation memory lives in the database (issue #18): the built bot answers a question, is stopped, and a new
/// process on the same SQLite file answers the follow-up with the earlier turn in the model's request.
/// </summary>
public sealed class ConversationMemoryRestartTests : IAsyncLifetime, IDisposable
{
    private const string FirstQuestion = "How do I get my first backend job?";
    private readonly SlackProcessRig _process = new("coachbot-memory", FakeChatResponse.Text("From the guide: build projects and apply [P1]."));

    private DurabilityRig Rig => _process.Durability;

    private FakeSlackServer SlackApi => _process.Slack;

    public Task InitializeAsync() => _process.InitializeAsync();

    public Task DisposeAsync() => _process.DisposeAsync();

    public void Dispose() => _process.Dispose();

    [Fact]
    public async Task AFollowUpAfterARestartOnTheSameSqliteFile_ReachesTheModelWithTheEarlierQuestion()
    {
        var port = BotOsProcess.FreePort();
        var questionTs = SlackApi.NextTs();
        await using (var first = await BotOsProcess.StartAsync(Settings(), port, DurabilityRig.StartTimeout))
        {
            using var response = await _process.Driver(port).SendEventAsync(FakeSlackPayloads.EventCallback(
                FakeSlackPayloads.Message("U0777", FirstQuestion, "DMEMORY", questionTs, "im")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await SlackApi.WaitUntilAsync(s => AnswersIn(s, questionTs) >= 1, DurabilityRig.Guard, "the first question answered");
            first.Terminate();
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(40)), "the bot did not exit after SIGTERM:\n" + first.Output);
        }

        var before = Rig.Llm.Requests.Count;
        await using var second = await BotOsProcess.StartAsync(Settings(), port, DurabilityRig.StartTimeout);
        using (var followUp = await _process.Driver(port).SendEventAsync(FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.Message("U0777", "and what do they pay?", "DMEMORY", SlackApi.NextTs(), "im", threadTs: questionTs))))
        {
            Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        }

        await SlackApi.WaitUntilAsync(s => AnswersIn(s, questionTs) >= 2, DurabilityRig.Guard, "the follow-up answered");
        var afterRestart = Rig.Llm.Requests.Skip(before).ToList();
        Assert.NotEmpty(afterRestart);
        Assert.Contains(afterRestart, r => r.AllContent.Contains(FirstQuestion, StringComparison.Ordinal));
    }

    private static int AnswersIn(FakeSlackServer slack, string threadTs) =>
        slack.Calls.Count(c => c.Ok && c.Method is "chat.postMessage" or "chat.startStream" && c.Field("channel") == "DMEMORY" && c.Field("thread_ts") == threadTs);


    private Dictionary<string, string> Settings() => _process.Settings("Http");
}
