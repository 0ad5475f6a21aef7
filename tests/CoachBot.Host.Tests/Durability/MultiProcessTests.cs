using Npgsql;

namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// Many processes, one coach (issue #18): two built bot processes on one PostgreSQL database, each holding one Slack
/// Socket Mode connection, with FakeSlack handing envelopes to the two connections as the test chooses. A follow-up
/// keeps its context across processes, a retry to the other process is not answered again, the per-person rate limit
/// holds across both, and a kill -9 of one mid-burst loses nothing (the other finishes once the leases expire).
/// </summary>
public sealed class MultiProcessTests : IAsyncLifetime
{
    private const string FirstQuestion = "How do I get my first backend job?";
    private readonly DurabilityRig _rig = new("coachbot-multiprocess", FakeChatResponse.Text("From the guide: build projects and apply [P1]."));
    private readonly string _database = "coachbot_mp_" + Guid.NewGuid().ToString("N")[..12];
    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync()
    {
        await _rig.InitializeAsync();
        _slack = await FakeSlackServer.StartAsync();
        _slack.RedeliverUnacked = false;
        if (PostgresProcessFactAttribute.Server is { } server)
        {
            await ExecuteAsync(server, $"CREATE DATABASE \"{_database}\"");
        }
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _rig.DisposeAsync();
        if (PostgresProcessFactAttribute.Server is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
    }

    [PostgresProcessFact]
    public async Task TwoProcessesOnOnePostgres_BehaveAsOneCoach()
    {
        var server = PostgresProcessFactAttribute.Server
            ?? throw new InvalidOperationException("COACHBOT_REQUIRE_POSTGRES=1 but COACHBOT_TEST_POSTGRES is not set: start PostgreSQL with .ci/start-postgres.sh and export its output.");
        await using var a = await BotOsProcess.StartAsync(Settings(server), BotOsProcess.FreePort(), DurabilityRig.StartTimeout);
        var toA = await _slack.WaitForConnectionAsync(1, DurabilityRig.Guard);
        var b = await BotOsProcess.StartAsync(Settings(server), BotOsProcess.FreePort(), DurabilityRig.StartTimeout);
        await using var _ = b;
        await _slack.WaitUntilAsync(s => s.Connections.Count(c => c.IsOpen) >= 2, DurabilityRig.Guard, "both processes connected");
        var toB = _slack.Connections.First(c => c.IsOpen && c.Id != toA.Id);

        // A question to A, its follow-up to B: the model's request for the follow-up carries the earlier question.
        var question = Message("U0001", FirstQuestion, "DMP1");
        await _slack.SendEnvelopeAsync("events_api", question.Body, connection: toA);
        await _slack.WaitUntilAsync(s => Answers(s, "DMP1", question.Ts) >= 1, DurabilityRig.Guard, "the question answered by A");
        var before = _rig.Llm.Requests.Count;
        var followUp = Message("U0001", "and what do they pay?", "DMP1", threadTs: question.Ts);
        await _slack.SendEnvelopeAsync("events_api", followUp.Body, connection: toB);
        await _slack.WaitUntilAsync(s => Answers(s, "DMP1", question.Ts) >= 2, DurabilityRig.Guard, "the follow-up answered by B");
        Assert.Contains(_rig.Llm.Requests.Skip(before), r => r.AllContent.Contains(FirstQuestion, StringComparison.Ordinal));

        // Slack retries the question's event (same event_id) on B's connection after A answered: not answered again.
        var retry = await _slack.SendEnvelopeAsync("events_api", question.Body, retryAttempt: 1, connection: toB);
        await _slack.WaitForAckAsync(retry, DurabilityRig.Guard);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, Answers(_slack, "DMP1", question.Ts));

        // The per-person limit (4 a minute here) holds across both processes: 8 messages alternately to A and B.
        var burst = Enumerable.Range(0, 8).Select(i => Message("U0002", "How do I prepare for a system design interview?", "DMP2")).ToList();
        for (var i = 0; i < burst.Count; i++)
        {
            await _slack.SendEnvelopeAsync("events_api", burst[i].Body, connection: i % 2 == 0 ? toA : toB);
        }

        // A refusal is private (chat.postEphemeral); an answer is posted in the question's thread.
        await _slack.WaitUntilAsync(s => burst.Sum(m => Answers(s, "DMP2", m.Ts)) + Refusals(s, "DMP2") >= 8, DurabilityRig.Guard,
            "every burst message answered or refused; seen: " + string.Join(" | ", _slack.Calls.Where(c => c.Field("channel") == "DMP2").Select(c => $"{c.Method} ok={c.Ok} thread={c.Field("thread_ts")} {c.Body.ToJsonString()[..Math.Min(160, c.Body.ToJsonString().Length)]}")));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(4, Refusals(_slack, "DMP2"));
        Assert.Equal(4, burst.Sum(m => Answers(_slack, "DMP2", m.Ts)));

        // kill -9 of A with acknowledged work in hand: B takes A's rows once their leases expire; nothing is lost.
        _rig.LlmBehaviour = FakeChatResponse.Delayed(TimeSpan.FromSeconds(20), FakeChatResponse.Text("From the guide: see [P1]."));
        var crash = Enumerable.Range(0, 4).Select(i => Message(string.Create(CultureInfo.InvariantCulture, $"U01{i:D2}"), FirstQuestion, string.Create(CultureInfo.InvariantCulture, $"DMPK{i}"))).ToList();
        var envelopes = new List<string>();
        foreach (var m in crash)
        {
            envelopes.Add(await _slack.SendEnvelopeAsync("events_api", m.Body, connection: toA));
        }

        await _slack.WaitForAcksAsync(envelopes, DurabilityRig.Guard);
        await a.KillAsync();
        _rig.LlmBehaviour = FakeChatResponse.Text("From the guide: see [P1].");
        await _slack.WaitUntilAsync(s => crash.All(m => Answers(s, m.Channel, m.Ts) >= 1), TimeSpan.FromSeconds(120), "B finished every envelope A acknowledged");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(crash, m => Assert.Equal(1, Answers(_slack, m.Channel, m.Ts)));
        Assert.False(b.HasExited, b.Output);
    }

    private static int Answers(FakeSlackServer slack, string channel, string threadTs) =>
        slack.Calls.Count(c => c.Ok && c.Method is "chat.postMessage" or "chat.startStream" && c.Field("channel") == channel && c.Field("thread_ts") == threadTs);

    private static int Refusals(FakeSlackServer slack, string channel) =>
        slack.Calls.Count(c => c.Ok && c.Method == "chat.postEphemeral" && c.Field("channel") == channel
            && c.Body.ToJsonString().Contains("going a little fast", StringComparison.Ordinal));

    private SentMessage Message(string user, string text, string channel, string? threadTs = null)
    {
        var ts = _slack.NextTs();
        return new SentMessage(FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(user, text, channel, ts, "im", threadTs: threadTs)), channel, threadTs ?? ts);
    }

    private Dictionary<string, string> Settings(string server) => _rig.Settings(
        new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString,
            ["Slack:Mode"] = "SocketMode",
            ["Slack:BotToken"] = _slack.Options.BotToken,
            ["Slack:AppToken"] = _slack.Options.AppToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
            ["Slack:SocketConnections"] = "1",
            ["Slack:SocketProcesses"] = "2",
            ["Slack:StreamAnswers"] = "false",
            ["Slack:PerChannelMessageInterval"] = "00:00:00",
            ["Slack:SocketConnectionDelay"] = "00:00:00",
            ["RateLimits:PerUserPerMinute"] = "4",
        });

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record SentMessage(JsonObject Body, string Channel, string Ts);
}
