namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// Nothing acknowledged is lost (issue #14, point 1), tried from outside: the built bot as its own process in Slack HTTP
/// mode or Socket Mode, signed requests, a fake Slack Web API and a fake LLM whose speed the test sets. Overload with
/// Slack-style retries, kill -9 with acknowledged work pending and a restart on the same SQLite file, and SIGTERM.
/// </summary>
public sealed class SlackDurabilityTests : IAsyncLifetime, IDisposable
{
    private readonly SlackProcessRig _process = new("coachbot-durability", FakeChatResponse.Text("From the guide: see [P1]."));

    private DurabilityRig Rig => _process.Durability;

    private FakeSlackServer SlackApi => _process.Slack;

    public Task InitializeAsync() => _process.InitializeAsync();

    public Task DisposeAsync() => _process.DisposeAsync();

    public void Dispose() => _process.Dispose();

    [Fact]
    public async Task HttpOverload_503sRetriedWithTheSameEventIdAndRetryNum_EveryEventIsAnsweredExactlyOnce()
    {
        // What keeps the one work slot busy is posting (a slow chat.postMessage holds it), not the model: awaiting the
        // LLM holds no work slot (#16), so with a model the slot is free again as soon as each question reaches it and the
        // queue never fills. Here the answers are composed offline (no Llm:Endpoint) and posted whole, in the slot.
        SlackApi.Options.MethodDelays["chat.postMessage"] = TimeSpan.FromMilliseconds(400);
        var port = BotOsProcess.FreePort();
        await using var bot = await BotOsProcess.StartAsync(HttpMode(("Slack:MaxConcurrentRequests", "1"), ("Slack:QueueCapacity", "16"), ("Slack:StreamAnswers", "false"), ("Llm:Endpoint", ""), ("Llm:ChatModel", "")), port, DurabilityRig.StartTimeout);
        var driver = _process.Driver(port);
        var events = Enumerable.Range(0, 30).Select(i => DirectMessage(i, "overload")).ToList();

        var refusals = 0;
        var pending = events.Select(e => (Event: e, RetryNum: (int?)null)).ToList();
        while (pending.Count > 0)
        {
            var answers = await Task.WhenAll(pending.Select(async p =>
            {
                using var response = await driver.SendEventAsync(p.Event.Body, retryNum: p.RetryNum);
                return (p.Event, p.RetryNum, response.StatusCode);
            }));
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"answered {a.StatusCode}"));
            var refused = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
            refusals += refused.Count;
            // Slack retries a refused event with the same event_id and X-Slack-Retry-Num 1, 2, 3.
            pending = [.. refused.Select(a => (a.Event, (int?)((a.RetryNum ?? 0) + 1)))];
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await SlackApi.WaitUntilAsync(s => events.All(e => Answers(s, e) >= 1), DurabilityRig.Guard, "every event answered");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.True(refusals > 0, "the burst must overflow the queue, or this test proves nothing about refusals");
        Assert.All(events, e => Assert.Equal(1, Answers(SlackApi, e)));
    }

    [Fact]
    public async Task HttpKill9_WithAcknowledgedEventsPending_TheRestartOnTheSameDatabaseAnswersEveryOneOnce()
    {
        Rig.LlmBehaviour = FakeChatResponse.Hang();
        var port = BotOsProcess.FreePort();
        var events = Enumerable.Range(0, 5).Select(i => DirectMessage(i, "crash")).ToList();
        await using (var first = await BotOsProcess.StartAsync(HttpMode(), port, DurabilityRig.StartTimeout))
        {
            var driver = _process.Driver(port);
            foreach (var e in events)
            {
                using var response = await driver.SendEventAsync(e.Body);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await Rig.Llm.WaitForRequestsAsync(1, DurabilityRig.Guard);
            await first.KillAsync();
        }

        Assert.All(events, e => Assert.Equal(0, Answers(SlackApi, e)));
        Rig.LlmBehaviour = FakeChatResponse.Text("From the guide: see [P1].");
        await using var second = await BotOsProcess.StartAsync(HttpMode(), port, DurabilityRig.StartTimeout);

        await SlackApi.WaitUntilAsync(s => events.All(e => Answers(s, e) >= 1), DurabilityRig.Guard, "every acknowledged event answered after the restart");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(events, e => Assert.Equal(1, Answers(SlackApi, e)));
    }

    [Fact]
    public async Task SocketModeKill9_WithAckedEnvelopesPending_TheRestartOnTheSameDatabaseAnswersEveryOneOnce()
    {
        Rig.LlmBehaviour = FakeChatResponse.Hang();
        var port = BotOsProcess.FreePort();
        var events = Enumerable.Range(0, 5).Select(i => DirectMessage(i, "socket crash")).ToList();
        await using (var first = await BotOsProcess.StartAsync(SocketMode(), port, DurabilityRig.StartTimeout))
        {
            await SlackApi.WaitForConnectionAsync(1, DurabilityRig.Guard);
            var envelopes = new List<string>();
            foreach (var e in events)
            {
                envelopes.Add(await SlackApi.SendEnvelopeAsync("events_api", e.Body));
            }

            await SlackApi.WaitForAcksAsync(envelopes, DurabilityRig.Guard);
            await Rig.Llm.WaitForRequestsAsync(1, DurabilityRig.Guard);
            await first.KillAsync();
        }

        Assert.All(events, e => Assert.Equal(0, Answers(SlackApi, e)));
        Rig.LlmBehaviour = FakeChatResponse.Text("From the guide: see [P1].");
        await using var second = await BotOsProcess.StartAsync(SocketMode(), port, DurabilityRig.StartTimeout);

        await SlackApi.WaitUntilAsync(s => events.All(e => Answers(s, e) >= 1), DurabilityRig.Guard, "every acked envelope answered after the restart");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(events, e => Assert.Equal(1, Answers(SlackApi, e)));
    }

    [Fact]
    public async Task Sigterm_WithWorkStuckOnTheLlm_ExitsAfterTheDrainTimeout_AndTheNextStartAnswersEverythingAcknowledged()
    {
        Rig.LlmBehaviour = FakeChatResponse.Hang();
        var port = BotOsProcess.FreePort();
        var events = Enumerable.Range(0, 4).Select(i => DirectMessage(i, "sigterm")).ToList();
        await using (var first = await BotOsProcess.StartAsync(HttpMode(("Slack:DrainTimeout", "00:00:02"), ("Slack:MaxConcurrentRequests", "2")), port, DurabilityRig.StartTimeout))
        {
            var driver = _process.Driver(port);
            foreach (var e in events)
            {
                using var response = await driver.SendEventAsync(e.Body);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await Rig.Llm.WaitForRequestsAsync(1, DurabilityRig.Guard);
            first.Terminate();

            // Far below the LLM's hang and the host's 30 s shutdown timeout: only the drain bound lets it out this soon.
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(20)), "the bot did not exit after SIGTERM:\n" + first.Output);
            Assert.True(first.ExitCode == 0, $"exit code {first.ExitCode}:\n{first.Output}");
        }

        Rig.LlmBehaviour = FakeChatResponse.Text("From the guide: see [P1].");
        await using var second = await BotOsProcess.StartAsync(HttpMode(), port, DurabilityRig.StartTimeout);

        await SlackApi.WaitUntilAsync(s => events.All(e => Answers(s, e) >= 1), DurabilityRig.Guard, "every acknowledged event answered after the restart");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(events, e => Assert.InRange(Answers(SlackApi, e), 1, 2));
    }

    [Fact]
    public async Task Sigterm_WithQuickWork_DrainsIt_BeforeExiting_SoNothingIsAnsweredTwice()
    {
        Rig.LlmBehaviour = FakeChatResponse.Delayed(TimeSpan.FromMilliseconds(300), FakeChatResponse.Text("From the guide: see [P1]."));
        var port = BotOsProcess.FreePort();
        var events = Enumerable.Range(0, 3).Select(i => DirectMessage(i, "drain")).ToList();
        await using (var first = await BotOsProcess.StartAsync(HttpMode(("Slack:DrainTimeout", "00:00:20"), ("Slack:MaxConcurrentRequests", "4")), port, DurabilityRig.StartTimeout))
        {
            var driver = _process.Driver(port);
            foreach (var e in events)
            {
                using var response = await driver.SendEventAsync(e.Body);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await Rig.Llm.WaitForRequestsAsync(1, DurabilityRig.Guard);
            first.Terminate();
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(40)), "the bot did not exit after SIGTERM:\n" + first.Output);
        }

        Assert.All(events, e => Assert.Equal(1, Answers(SlackApi, e)));
        await using var second = await BotOsProcess.StartAsync(HttpMode(), port, DurabilityRig.StartTimeout);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(events, e => Assert.Equal(1, Answers(SlackApi, e)));
    }

    // An answer is a message in the question's thread: posted whole, or streamed (chat.startStream opens it).
    private static int Answers(FakeSlackServer slack, SentEvent e) =>
        slack.Calls.Count(c => c.Ok && c.Method is "chat.postMessage" or "chat.startStream" && c.Field("channel") == e.Channel && c.Field("thread_ts") == e.Ts);

    private SentEvent DirectMessage(int i, string what)
    {
        var channel = string.Create(CultureInfo.InvariantCulture, $"D{what.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}{i:D3}");
        var ts = SlackApi.NextTs();
        var user = string.Create(CultureInfo.InvariantCulture, $"U{i + 500:D4}");
        var body = FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(user, "How do I get my first backend job?", channel, ts, "im"));
        return new SentEvent(body, channel, ts);
    }

    private Dictionary<string, string> HttpMode(params (string Key, string Value)[] extra) => _process.Settings("Http", extra);

    private Dictionary<string, string> SocketMode(params (string Key, string Value)[] extra) =>
        _process.Settings("SocketMode", [("Slack:SocketConnections", "1"), .. extra]);

    private sealed record SentEvent(JsonObject Body, string Channel, string Ts);
}
