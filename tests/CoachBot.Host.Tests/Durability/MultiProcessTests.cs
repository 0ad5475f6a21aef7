using CoachBot.Ai.Answers;

namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// Many processes, one coach (issue #18): two built bot processes on one PostgreSQL database, each holding one Slack
/// Socket Mode connection, with FakeSlack handing envelopes to the two connections as the test chooses. A follow-up
/// keeps its context across processes, a retry to the other process is not answered again, the per-person rate limit
/// and the community's daily LLM budget hold across both, a weekly challenge and a review reminder due now are each
/// sent once, a reply in a thread the other process posted in is answered, and a kill -9 of one mid-burst loses
/// nothing (the other finishes once the leases expire). Each case uses its own workspace (team) so their budgets and
/// limits stay apart.
/// </summary>
public sealed class MultiProcessTests : IAsyncLifetime
{
    private const string FirstQuestion = "How do I get my first backend job?";
    private const string DesignQuestion = "How do I prepare for a system design interview?";
    private const int LlmBudget = 4;
    private readonly DurabilityRig _rig = new("coachbot-multiprocess", FakeChatResponse.Text("From the guide: build projects and apply [P1]."));
    private readonly ScratchPostgresDatabase _database = new("coachbot_mp");
    private FakeSlackServer _slack = null!;
    private SentMessage? _question;

    public async Task InitializeAsync()
    {
        await _rig.InitializeAsync();
        await _database.InitializeAsync();
        _slack = await FakeSlackServer.StartAsync();
        _slack.RedeliverUnacked = false;
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _rig.DisposeAsync();
        await _database.DisposeAsync();
    }

    [PostgresProcessFact]
    public async Task TwoProcessesOnOnePostgres_BehaveAsOneCoach()
    {
        await using var a = await BotOsProcess.StartAsync(Settings(), BotOsProcess.FreePort(), DurabilityRig.StartTimeout);
        var toA = await _slack.WaitForConnectionAsync(1, DurabilityRig.Guard);
        var b = await BotOsProcess.StartAsync(Settings(), BotOsProcess.FreePort(), DurabilityRig.StartTimeout);
        await using var _ = b;
        await _slack.WaitUntilAsync(s => s.Connections.Count(c => c.IsOpen) >= 2, DurabilityRig.Guard, "both processes connected");
        var toB = _slack.Connections.First(c => c.IsOpen && c.Id != toA.Id);

        await FollowUpOnTheOtherProcess_KeepsTheContext(toA, toB);
        await RetryOnTheOtherProcess_IsNotAnsweredAgain(toB);
        await PerPersonRateLimit_HoldsAcrossBoth(toA, toB);
        await DailyLlmBudget_HoldsAcrossBoth(toA, toB);
        await ThreadReply_IsAnsweredByTheProcessThatDidNotPost(toA, toB);
        await WeeklyChallengeDueNow_IsPostedOnce_AndRepliesInItsThreadAreAnsweredOnEitherProcess(toA, toB);
        await ReviewReminderDueNow_IsSentOnce();
        await Kill9MidBurst_TheOtherProcessFinishesEverything(a, b, toA);
    }

    /// <summary>A question to A, its follow-up to B: the model's request for the follow-up carries the earlier question.</summary>
    private async Task FollowUpOnTheOtherProcess_KeepsTheContext(FakeSocketConnection toA, FakeSocketConnection toB)
    {
        var question = Message("U0001", FirstQuestion, "DMP1");
        await _slack.SendEnvelopeAsync("events_api", question.Body, connection: toA);
        await _slack.WaitUntilAsync(s => Answers(s, "DMP1", question.Ts) >= 1, DurabilityRig.Guard, "the question answered by A");
        var before = _rig.Llm.Requests.Count;
        var followUp = Message("U0001", "and what do they pay?", "DMP1", threadTs: question.Ts);
        await _slack.SendEnvelopeAsync("events_api", followUp.Body, connection: toB);
        await _slack.WaitUntilAsync(s => Answers(s, "DMP1", question.Ts) >= 2, DurabilityRig.Guard, "the follow-up answered by B");
        Assert.Contains(_rig.Llm.Requests.Skip(before), r => r.AllContent.Contains(FirstQuestion, StringComparison.Ordinal));
        _question = question;
    }

    /// <summary>Slack retries the question's event (same event_id) on B's connection after A answered: not answered again.</summary>
    private async Task RetryOnTheOtherProcess_IsNotAnsweredAgain(FakeSocketConnection toB)
    {
        var question = _question!;
        var retry = await _slack.SendEnvelopeAsync("events_api", question.Body, retryAttempt: 1, connection: toB);
        await _slack.WaitForAckAsync(retry, DurabilityRig.Guard);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, Answers(_slack, "DMP1", question.Ts));
    }

    /// <summary>The per-person limit (4 a minute here) holds across both processes: 8 messages alternately to A and B.</summary>
    private async Task PerPersonRateLimit_HoldsAcrossBoth(FakeSocketConnection toA, FakeSocketConnection toB)
    {
        var burst = Enumerable.Range(0, 8).Select(_ => Message("U0002", DesignQuestion, "DMP2", team: "TRATE")).ToList();
        for (var i = 0; i < burst.Count; i++)
        {
            await _slack.SendEnvelopeAsync("events_api", burst[i].Body, connection: i % 2 == 0 ? toA : toB);
        }

        // A refusal is private (chat.postEphemeral); an answer is posted in the question's thread.
        await _slack.WaitUntilAsync(s => burst.Sum(m => Answers(s, "DMP2", m.Ts)) + Refusals(s, "DMP2") >= 8, DurabilityRig.Guard,
            "every burst message answered or refused; seen: " + Seen("DMP2"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(4, Refusals(_slack, "DMP2"));
        Assert.Equal(4, burst.Sum(m => Answers(_slack, "DMP2", m.Ts)));
    }

    /// <summary>
    /// The community's daily LLM budget (4 replies here) holds across both processes: 8 questions by 8 people, alternately
    /// to A and B; 4 are composed by the model, the other 4 offline with the budget note, and the model is called 4 times.
    /// </summary>
    private async Task DailyLlmBudget_HoldsAcrossBoth(FakeSocketConnection toA, FakeSocketConnection toB)
    {
        var before = _rig.Llm.Requests.Count;
        var questions = Enumerable.Range(0, 8)
            .Select(i => Message(string.Create(CultureInfo.InvariantCulture, $"UB{i:D2}"), DesignQuestion, string.Create(CultureInfo.InvariantCulture, $"DMB{i}"), team: "TBUDGET"))
            .ToList();
        for (var i = 0; i < questions.Count; i++)
        {
            await _slack.SendEnvelopeAsync("events_api", questions[i].Body, connection: i % 2 == 0 ? toA : toB);
        }

        await _slack.WaitUntilAsync(s => questions.All(m => Answers(s, m.Channel, m.Ts) >= 1), DurabilityRig.Guard, "every budget question answered");
        var offline = questions.Count(m => AnswerTexts(m).Any(t => t.Contains(CoachReplies.LlmBudgetNote, StringComparison.Ordinal)));
        Assert.Equal(questions.Count - LlmBudget, offline);
        Assert.InRange(_rig.Llm.Requests.Count - before, 1, LlmBudget);
    }

    /// <summary>
    /// A mention in a channel answered by A (in the mention's thread); a reply in that thread without a mention lands on
    /// B, which knows the thread is the bot's from the shared counters, and answers it.
    /// </summary>
    private async Task ThreadReply_IsAnsweredByTheProcessThatDidNotPost(FakeSocketConnection toA, FakeSocketConnection toB)
    {
        var ts = _slack.NextTs();
        var mention = FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U0003", "<@UBOT111> " + FirstQuestion, "CTHREAD", ts), teamId: "TTHREAD");
        await _slack.SendEnvelopeAsync("events_api", mention, connection: toA);
        await _slack.WaitUntilAsync(s => Answers(s, "CTHREAD", ts) >= 1, DurabilityRig.Guard, "the mention answered by A");
        var reply = ChannelMessage("U0003", "and what do they pay?", "CTHREAD", threadTs: ts, team: "TTHREAD");
        await _slack.SendEnvelopeAsync("events_api", reply, connection: toB);
        await _slack.WaitUntilAsync(s => Answers(s, "CTHREAD", ts) >= 2, DurabilityRig.Guard, "the thread reply answered by B; seen: " + Seen("CTHREAD"));
    }

    /// <summary>
    /// Both processes run the scheduler (a tick a second); a weekly challenge schedule whose slot is this minute is
    /// written to the database: exactly one announcement reaches the channel. A reply in the announcement's thread, to
    /// each process in turn, is answered by each (only one of them posted it).
    /// </summary>
    private async Task WeeklyChallengeDueNow_IsPostedOnce_AndRepliesInItsThreadAreAnsweredOnEitherProcess(FakeSocketConnection toA, FakeSocketConnection toB)
    {
        var now = DateTimeOffset.UtcNow;
        var slot = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        await _database.ExecuteAsync(
            """
            INSERT INTO challenge_schedules ("CommunityKey", "Platform", "CommunityId", "ChannelId", "Day", "Hour", "Minute", "TimeZoneId", "Enabled", "EffectiveFrom", "UpdatedBy", "UpdatedAt")
            VALUES ('slack:TSCHED', 'Slack', 'TSCHED', 'CCHALLENGE', @day, @hour, @minute, 'UTC', TRUE, @from, 'slack:UMOD', @from)
            """,
            ("day", slot.DayOfWeek.ToString()), ("hour", slot.Hour), ("minute", slot.Minute), ("from", slot.AddMinutes(-1)));

        await _slack.WaitUntilAsync(s => Announcements(s).Count >= 1, DurabilityRig.Guard, "the weekly challenge posted");
        // Several ticks of both schedulers after the post: none posts it again.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var announcement = Assert.Single(Announcements(_slack));

        // The poster records the thread right after chat.postMessage returns; give that write a moment to land.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var toEither = new[] { toA, toB };
        for (var i = 0; i < toEither.Length; i++)
        {
            var reply = ChannelMessage(string.Create(CultureInfo.InvariantCulture, $"UC{i}"), DesignQuestion, "CCHALLENGE", threadTs: announcement.Ts, team: "TSCHED");
            await _slack.SendEnvelopeAsync("events_api", reply, connection: toEither[i]);
            var answered = i + 1;
            await _slack.WaitUntilAsync(s => Answers(s, "CCHALLENGE", announcement.Ts) >= answered, DurabilityRig.Guard,
                $"reply {answered} in the challenge's thread answered; seen: " + Seen("CCHALLENGE"));
        }
    }

    /// <summary>
    /// A member's daily review reminder whose time is this minute, with a review item due: both reminder schedulers tick
    /// every second, and exactly one DM reaches the member.
    /// </summary>
    private async Task ReviewReminderDueNow_IsSentOnce()
    {
        var now = DateTimeOffset.UtcNow;
        var slot = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        await _database.ExecuteAsync(
            """
            INSERT INTO review_items ("Id", "UserKey", "CommunityKey", "Kind", "SourceId", "Skill", "Reference", "Prompt", "Answer", "EaseFactor", "Repetitions", "IntervalDays", "DueAt", "CreatedAt", "Lapses", "Version")
            VALUES ('mp-review-1', 'slack:UREMIND', 'slack:TREMIND', 'QuizQuestion', 'sql-basics-1', 'sql', '', '', '', 2.5, 0, 0, @due, @due, 1, 0)
            """,
            ("due", now.AddHours(-1)));
        await _database.ExecuteAsync(
            """
            INSERT INTO member_reminders ("UserKey", "Platform", "UserId", "Enabled", "Day", "Hour", "Minute", "TimeZoneId", "EffectiveFrom", "UpdatedAt")
            VALUES ('slack:UREMIND', 'slack', 'UREMIND', TRUE, NULL, @hour, @minute, 'UTC', @from, @from)
            """,
            ("hour", slot.Hour), ("minute", slot.Minute), ("from", slot.AddMinutes(-1)));

        var dm = FakeSlackServer.DirectMessageChannelOf("UREMIND");
        await _slack.WaitUntilAsync(s => Reminders(s, dm) >= 1, DurabilityRig.Guard, "the review reminder sent");
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(1, Reminders(_slack, dm));
    }

    /// <summary>kill -9 of A with acknowledged work in hand: B takes A's rows once their leases expire; nothing is lost.</summary>
    private async Task Kill9MidBurst_TheOtherProcessFinishesEverything(BotOsProcess a, BotOsProcess b, FakeSocketConnection toA)
    {
        _rig.LlmBehaviour = FakeChatResponse.Delayed(TimeSpan.FromSeconds(20), FakeChatResponse.Text("From the guide: see [P1]."));
        var crash = Enumerable.Range(0, 4)
            .Select(i => Message(string.Create(CultureInfo.InvariantCulture, $"U01{i:D2}"), FirstQuestion, string.Create(CultureInfo.InvariantCulture, $"DMPK{i}"), team: "TKILL" + i))
            .ToList();
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

    private static int Reminders(FakeSlackServer slack, string channel) =>
        slack.Calls.Count(c => c.Ok && c.Method == "chat.postMessage" && c.Field("channel") == channel
            && c.Body.ToJsonString().Contains("Time for a short review", StringComparison.Ordinal));

    /// <summary>Top-level posts in the challenge channel (the announcement; answers go into its thread).</summary>
    private static List<FakeSlackMessage> Announcements(FakeSlackServer slack) =>
        slack.Messages.Where(m => m.Channel == "CCHALLENGE" && m.ThreadTs is null && m.EphemeralUser is null).ToList();

    private IEnumerable<string> AnswerTexts(SentMessage question) =>
        _slack.Messages.Where(m => m.Channel == question.Channel && m.ThreadTs == question.Ts && m.EphemeralUser is null).Select(m => m.AllText + "\n" + m.Text);

    private string Seen(string channel) =>
        string.Join(" | ", _slack.Calls.Where(c => c.Field("channel") == channel)
            .Select(c => $"{c.Method} ok={c.Ok} thread={c.Field("thread_ts")} {c.Body.ToJsonString()[..Math.Min(160, c.Body.ToJsonString().Length)]}"));

    private SentMessage Message(string user, string text, string channel, string? threadTs = null, string team = "T111")
    {
        var ts = _slack.NextTs();
        return new SentMessage(FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(user, text, channel, ts, "im", threadTs: threadTs), teamId: team), channel, threadTs ?? ts);
    }

    private JsonObject ChannelMessage(string user, string text, string channel, string threadTs, string team) =>
        FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(user, text, channel, _slack.NextTs(), "channel", threadTs: threadTs), teamId: team);

    private Dictionary<string, string> Settings() => _rig.Settings(
        new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _database.ConnectionString,
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
            ["Llm:DailyBudgetPerCommunity"] = LlmBudget.ToString(CultureInfo.InvariantCulture),
            ["Challenges:SchedulerEnabled"] = "true",
            ["Challenges:TickInterval"] = "00:00:01",
            ["Reminders:TickInterval"] = "00:00:01",
        });

    private sealed record SentMessage(JsonObject Body, string Channel, string Ts);
}
