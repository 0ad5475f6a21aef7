namespace CoachBot.Discord.Tests.Gateway;

/// <summary>The gateway algorithm end to end: the real adapter against the fake Discord over real sockets.</summary>
public sealed class GatewayConnectionTests
{
    [Fact]
    public async Task Start_IdentifiesWithIntentsAndShard_ThenHeartbeatsWithLastSequence()
    {
        await using var test = await DiscordTestHost.StartAsync();

        await test.Server.WaitUntilAsync(() => test.Server.Heartbeats.Count >= 2, "two heartbeats");

        var identify = test.Server.GatewayFrames.Single(f => f.Op == 2).Payload["d"]!;
        Assert.Equal(test.Server.Options.Token, identify["token"]!.GetValue<string>());
        Assert.Equal(37377, identify["intents"]!.GetValue<int>());
        Assert.Equal([0, 1], identify["shard"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal("coachbot", identify["properties"]!["browser"]!.GetValue<string>());
        Assert.Equal("v=10&encoding=json", test.Server.ConnectQueries[0]);
        var lastBeat = test.Server.Heartbeats[^1].Payload["d"]!;
        Assert.True(lastBeat.GetValue<int>() >= 1, "heartbeats carry the last sequence (READY is 1)");
    }

    [Fact]
    public async Task ServerRequestsHeartbeat_ClientSendsOneAtOnce()
    {
        await using var test = await DiscordTestHost.StartAsync(arrangeServer: s => s.Options.HeartbeatIntervalMs = 60_000);
        var before = test.Server.Heartbeats.Count;

        await test.Server.RequestHeartbeatAsync();

        await test.Server.WaitUntilAsync(() => test.Server.Heartbeats.Count > before, "a heartbeat answering op 1");
    }

    [Fact]
    public async Task Reconnect_op7_ResumesSameSessionAndSequenceOnResumeUrl()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var sessionId = test.Server.CurrentSessionId;
        var seq = test.Server.LastSequence;

        await test.Server.SendReconnectAsync();

        await test.Server.WaitUntilAsync(() => test.Server.ResumeCount == 1, "a resume");
        var resume = test.Server.GatewayFrames.Single(f => f.Op == 6);
        Assert.Equal("/resume", resume.Path);
        Assert.Equal(sessionId, resume.Payload["d"]!["session_id"]!.GetValue<string>());
        Assert.Equal(seq, resume.Payload["d"]!["seq"]!.GetValue<int>());
        Assert.Equal(1, test.Server.IdentifyCount);
        Assert.DoesNotContain(test.Server.ClientCloseCodes, code => code is 1000 or 1001);
    }

    [Fact]
    public async Task Close4000_ResumesWithTheSameSession()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var sessionId = test.Server.CurrentSessionId;

        await test.Server.CloseGatewayAsync(4000, "unknown error");

        await test.Server.WaitUntilAsync(() => test.Server.ResumeCount == 1, "a resume after close 4000");
        await test.Server.WaitForSessionAsync();
        Assert.Equal(sessionId, test.Server.CurrentSessionId);
        Assert.Equal(1, test.Server.IdentifyCount);
    }

    [Fact]
    public async Task AbruptDrop_ResumesAndMissedEventsAreReplayed_NoneAnsweredTwice()
    {
        await using var test = await DiscordTestHost.StartAsync();
        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("one"));
        await test.Server.WaitForRequestAsync(r => r.Content?.Contains("You said: one", StringComparison.Ordinal) == true, "the answer to 'one'");

        await test.Server.DropGatewayAsync(
            ("MESSAGE_CREATE", FakeDiscordEvents.DirectMessage("two")),
            ("MESSAGE_CREATE", FakeDiscordEvents.DirectMessage("three")));

        await test.Server.WaitUntilAsync(
            () => Answers(test, "two") == 1 && Answers(test, "three") == 1,
            "answers to the missed messages");
        Assert.Equal(1, test.Server.ResumeCount);
        Assert.Equal(1, test.Server.IdentifyCount);
        Assert.Equal(1, Answers(test, "one"));
        Assert.Equal(["one", "two", "three"], test.Coach.Seen<MessageRequest>().Select(r => r.Text));
    }

    [Fact]
    public async Task InvalidSessionNotResumable_IdentifiesAgain()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var firstSession = test.Server.CurrentSessionId;

        await test.Server.SendInvalidSessionAsync(resumable: false);

        await test.Server.WaitUntilAsync(() => test.Server.IdentifyCount == 2, "a second identify");
        // The count moves when the identify arrives; the new session exists a moment later.
        await test.Server.WaitUntilAsync(() => test.Server.CurrentSessionId != firstSession, "the new session");
        await test.Server.WaitForSessionAsync();
        Assert.Equal(0, test.Server.ResumeCount);
    }

    [Fact]
    public async Task InvalidSessionResumable_Resumes()
    {
        await using var test = await DiscordTestHost.StartAsync();

        await test.Server.SendInvalidSessionAsync(resumable: true);

        await test.Server.WaitUntilAsync(() => test.Server.ResumeCount == 1, "a resume after op 9 true");
        Assert.Equal(1, test.Server.IdentifyCount);
    }

    [Fact]
    public async Task Close4009_StartsANewSession()
    {
        await using var test = await DiscordTestHost.StartAsync();

        await test.Server.CloseGatewayAsync(4009, "session timed out");

        await test.Server.WaitUntilAsync(() => test.Server.IdentifyCount == 2, "a fresh identify after 4009");
        Assert.Equal(0, test.Server.ResumeCount);
    }

    [Fact]
    public async Task MissingHeartbeatAck_ClosesZombieWithNon1000CodeAndResumes()
    {
        await using var test = await DiscordTestHost.StartAsync(arrangeServer: s => s.Options.HeartbeatIntervalMs = 200);
        var sessionId = test.Server.CurrentSessionId;

        test.Server.AckHeartbeats = false;
        await test.Server.WaitUntilAsync(() => test.Server.ClientCloseCodes.Count >= 1, "the client closing the zombie connection");
        test.Server.AckHeartbeats = true;

        await test.Server.WaitUntilAsync(() => test.Server.ResumeCount >= 1, "a resume after the zombie close");
        Assert.Equal(4000, test.Server.ClientCloseCodes[0]);
        Assert.Equal(1, test.Server.IdentifyCount);
        Assert.Equal(sessionId, test.Server.GatewayFrames.First(f => f.Op == 6).Payload["d"]!["session_id"]!.GetValue<string>());
        Assert.Contains(test.Logs.Entries, e => e.Message.Contains("heartbeat not acknowledged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FatalClose4004_StopsTheAdapterWithOneClearLogLine_HostKeepsRunning()
    {
        await using var test = await DiscordTestHost.StartAsync(arrangeServer: s => s.RejectIdentifyWithCloseCode = 4004, waitForSession: false);

        await test.Server.WaitUntilAsync(() => test.Server.IdentifyCount == 1, "the identify");
        var client = await WaitForClientAsync(test);
        await client.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4004, client.FatalCloseCode);
        Assert.Equal(1, test.Server.ConnectionCount);
        var fatal = Assert.Single(test.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("4004", StringComparison.Ordinal));
        Assert.Contains("Discord:Token", fatal.Message, StringComparison.Ordinal);
        var lifetime = (IHostApplicationLifetime)test.Host.Services.GetService(typeof(IHostApplicationLifetime))!;
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task SeveralShards_OneConnectionPerConfiguredShard()
    {
        await using var test = await DiscordTestHost.StartAsync(
            s =>
            {
                s["Discord:ShardCount"] = "3";
                s["Discord:ShardIds:0"] = "0";
                s["Discord:ShardIds:1"] = "2";
            },
            waitForSession: false);

        await test.Server.WaitUntilAsync(() => test.Server.IdentifyCount == 2, "two identifies");

        var shards = test.Server.GatewayFrames.Where(f => f.Op == 2)
            .Select(f => string.Join('/', f.Payload["d"]!["shard"]!.AsArray().Select(n => n!.GetValue<int>())))
            .Order()
            .ToList();
        Assert.Equal(["0/3", "2/3"], shards);
    }

    [Fact]
    public async Task SeveralShards_EachGuildsInteractionArrivesOnTheShardDiscordPicksForIt()
    {
        await using var test = await DiscordTestHost.StartAsync(s => s["Discord:ShardCount"] = "2", waitForSession: false);
        await test.Server.WaitUntilAsync(() => test.Server.OpenShards.Count == 2, "both shards open");

        // Discord's rule: shard = (guild_id >> 22) % shard count.
        var onShard0 = (4L << 22).ToString(CultureInfo.InvariantCulture);
        var onShard1 = ((5L << 22) + 123).ToString(CultureInfo.InvariantCulture);
        var first = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "on shard 0?")], guildId: onShard0));
        var second = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "on shard 1?")], guildId: onShard1));

        Assert.Equal(0, first.Shard);
        Assert.Equal(1, second.Shard);
        await test.Server.WaitUntilAsync(() => first.AcknowledgedAt is not null && second.AcknowledgedAt is not null, "both acknowledged");
    }

    private static int Answers(DiscordTestHost test, string text) =>
        test.Server.RequestsTo("POST", "/channels/").Count(r => r.Content?.Contains("You said: " + text, StringComparison.Ordinal) == true);

    private static async Task<CoachBot.Discord.Gateway.DiscordGatewayClient> WaitForClientAsync(DiscordTestHost test)
    {
        await test.Server.WaitUntilAsync(() => test.Adapter.Clients.Count > 0, "the gateway client");
        return test.Adapter.Clients[0];
    }
}
