namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// Discord across processes (issue #18): two built bot processes on one PostgreSQL database, A running shard 0 and B
/// shard 1 of two, against FakeDiscord routing each guild's events to shard <c>(guild_id &gt;&gt; 22) % 2</c> and DMs
/// to shard 0, as Discord does. Each process identifies and answers only its shard; a kill -9 of A with deferred
/// interactions pending is finished once (by B's replay sweep once A's leases expire, or by A's restart), and a DM
/// follow-up after the restart keeps the context the killed process answered in.
/// </summary>
public sealed class ShardedDiscordProcessesTests : IAsyncLifetime
{
    /// <summary>(333333333333333333 &gt;&gt; 22) % 2 == 0.</summary>
    private const string ShardZeroGuild = "333333333333333333";

    /// <summary>(222222222222222222 &gt;&gt; 22) % 2 == 1.</summary>
    private const string ShardOneGuild = FakeDiscordEvents.GuildId;

    private const string Question = "How do I get my first backend job?";
    private const string LlmAnswer = "Start with one language and build a small API backed by a database. [P1]";
    private readonly DurabilityRig _rig = new("coachbot-sharded", FakeChatResponse.Text(LlmAnswer));
    private readonly ScratchPostgresDatabase _database = new("coachbot_shards");
    private FakeDiscordServer _discord = null!;

    public async Task InitializeAsync()
    {
        await _rig.InitializeAsync();
        await _database.InitializeAsync();
        // Heartbeats every 5 s rather than the fake's 0.5 s, and 30 s to acknowledge an interaction rather than 3 s: up to
        // three bot processes and the test share two cores here, and what this test pins is who answers, not how fast
        // (acknowledgement latency has its own tests and benchmarks).
        _discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 5000, InteractionDeadline = TimeSpan.FromSeconds(30) });
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _rig.DisposeAsync();
        await _database.DisposeAsync();
    }

    [PostgresProcessFact]
    public async Task TwoProcessesWithOneShardEach_AnswerOnlyTheirGuilds_AndAKilledOnesDeferredInteractionsAreFinishedOnce()
    {
        Assert.Equal(0, FakeDiscordServer.ShardOf(ShardZeroGuild, 2));
        Assert.Equal(1, FakeDiscordServer.ShardOf(ShardOneGuild, 2));
        var portA = BotOsProcess.FreePort();
        await using var a = await BotOsProcess.StartAsync(Settings(shardId: 0), portA, DurabilityRig.StartTimeout);
        await _discord.WaitForShardAsync(0, DurabilityRig.Guard);
        await using var b = await BotOsProcess.StartAsync(Settings(shardId: 1), BotOsProcess.FreePort(), DurabilityRig.StartTimeout);
        await _discord.WaitForShardAsync(1, DurabilityRig.Guard);

        // Each process identified its own shard only.
        var identified = _discord.GatewayFrames.Where(f => f.Op == 2)
            .Select(f => string.Join('/', f.Payload["d"]!["shard"]!.AsArray().Select(n => n!.GetValue<int>())))
            .Order()
            .ToList();
        Assert.Equal(["0/2", "1/2"], identified);
        await WaitForLogAsync(a, "Discord gateway shard 0: READY");
        await WaitForLogAsync(b, "Discord gateway shard 1: READY");
        Assert.DoesNotContain("Discord gateway shard 1", a.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Discord gateway shard 0", b.Output, StringComparison.Ordinal);

        // A guild's /ask reaches only its shard's process, which answers it.
        var inZero = await AskAsync(ShardZeroGuild, Question, "320000000000000001");
        var inOne = await AskAsync(ShardOneGuild, Question, "320000000000000002");
        await WaitAsync(() => Edits(inZero).Count >= 1 && Edits(inOne).Count >= 1, "both guilds' questions answered", DurabilityRig.Guard, a, b);
        Assert.Equal(5, inZero.CallbackType);
        Assert.Equal(5, inOne.CallbackType);
        Assert.All(_discord.ShardDispatches.Where(d => d.EventName == "INTERACTION_CREATE"),
            d => Assert.Equal(FakeDiscordServer.ShardOf(d.GuildId, 2), d.Shard));

        // A DM goes to shard 0 (A), which answers and remembers it.
        await _discord.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage(Question));
        await WaitAsync(() => DmAnswers() >= 1, "the DM answered by A", DurabilityRig.Guard, a, b);
        Assert.Contains(_discord.ShardDispatches, d => d.EventName == "MESSAGE_CREATE" && d.GuildId is null && d.Shard == 0);

        // kill -9 of A with three deferred interactions in its guild, the model still writing.
        _rig.LlmBehaviour = FakeChatResponse.Hang();
        var requestsBefore = _rig.Llm.Requests.Count;
        var pending = new List<FakeInteraction>();
        for (var i = 0; i < 3; i++)
        {
            pending.Add(await AskAsync(ShardZeroGuild, "How do I prepare for a system design interview? (" + i + ")", (330000000000000000 + i).ToString(CultureInfo.InvariantCulture)));
        }

        await WaitAsync(() => pending.All(x => x.CallbackType == 5), "every interaction deferred", DurabilityRig.Guard, a, b);
        await _rig.Llm.WaitForRequestsAsync(requestsBefore + 1, DurabilityRig.Guard);
        await a.KillAsync();
        Assert.All(pending, x => Assert.Empty(Edits(x)));
        _rig.LlmBehaviour = FakeChatResponse.Text(LlmAnswer);

        // Shard 0 comes back as a new process on the same database; B's sweep or the restart finishes A's work.
        await using var restarted = await BotOsProcess.StartAsync(Settings(shardId: 0), portA, DurabilityRig.StartTimeout);
        await _discord.WaitForShardAsync(0, DurabilityRig.Guard);
        await WaitAsync(() => pending.All(x => Responses(x) >= 1), "every deferred interaction of the killed process answered", TimeSpan.FromSeconds(120), b, restarted);

        // The DM follow-up reaches the restarted process: the model's request carries the question the killed one answered.
        var before = _rig.Llm.Requests.Count;
        var answered = DmAnswers();
        await _discord.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("and what do they pay?"));
        await WaitAsync(() => DmAnswers() > answered, "the DM follow-up answered after the restart", DurabilityRig.Guard, b, restarted);
        Assert.Contains(_rig.Llm.Requests.Skip(before), r => r.AllContent.Contains(Question, StringComparison.Ordinal));

        await Task.Delay(TimeSpan.FromSeconds(2));
        // Once each: the placeholder edited with the answer, or (a replay that failed, e.g. a regex timeout on a starved
        // CPU) removed for the one private apology.
        Assert.All(pending, x => Assert.Equal(1, Responses(x)));
        Assert.All(pending, x => Assert.Equal(5, x.CallbackType));
        Assert.False(b.HasExited, b.Output);
    }

    /// <summary>Waits on the fake; a timeout names the processes' warnings and errors, which say why.</summary>
    private async Task WaitAsync(Func<bool> condition, string description, TimeSpan timeout, params BotOsProcess[] processes)
    {
        try
        {
            await _discord.WaitUntilAsync(condition, description, timeout);
        }
        catch (TimeoutException ex)
        {
            var problems = processes.SelectMany((p, i) => p.Output.Split('\n').Where(l => l.Contains("warn", StringComparison.OrdinalIgnoreCase) || l.Contains("fail", StringComparison.OrdinalIgnoreCase) || l.Contains("exception", StringComparison.OrdinalIgnoreCase)).Select(l => $"[{i}] {l}"));
            var sent = _discord.Requests.Where(r => r.Content is not null).TakeLast(12).Select(r => $"{r.Method} {r.Path}: {r.Content}");
            throw new TimeoutException(
                ex.Message + "\nLast contents:\n" + string.Join('\n', sent) + "\nProcess warnings and errors:\n" + string.Join('\n', problems.TakeLast(60)), ex);
        }
    }

    /// <summary>The console log reaches the test a moment after the event it reports.</summary>
    private static async Task WaitForLogAsync(BotOsProcess process, string line)
    {
        using var guard = new CancellationTokenSource(DurabilityRig.Guard);
        while (!process.Output.Contains(line, StringComparison.Ordinal))
        {
            await Task.Delay(200, guard.Token);
        }
    }

    private Task<FakeInteraction> AskAsync(string guildId, string question, string userId) =>
        _discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", question)], userId: userId, guildId: guildId));

    private int DmAnswers() =>
        _discord.RequestsTo("POST", "/channels/" + FakeDiscordEvents.DmChannelId + "/messages").Count(r => r.Status is >= 200 and < 300);

    /// <summary>What the member saw for the interaction after its deferral: edits of the placeholder and follow-ups.</summary>
    private int Responses(FakeInteraction interaction) =>
        Edits(interaction).Count
        + _discord.RequestsTo("POST", "/webhooks/").Count(r => r.Path.EndsWith("/" + interaction.Token, StringComparison.Ordinal));

    private List<RecordedRequest> Edits(FakeInteraction interaction) =>
        _discord.RequestsTo("PATCH", "/webhooks/").Where(r => r.Path.Contains(interaction.Token, StringComparison.Ordinal) && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal)).ToList();

    private Dictionary<string, string> Settings(int shardId) => _rig.Settings(
        new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _database.ConnectionString,
            ["Discord:Token"] = _discord.Options.Token,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
            ["Discord:IdentifyIntervalMs"] = "0",
            ["Discord:ReconnectBaseDelayMs"] = "50",
            ["Discord:ShardCount"] = "2",
            ["Discord:ShardIds:0"] = shardId.ToString(CultureInfo.InvariantCulture),
        });
}
