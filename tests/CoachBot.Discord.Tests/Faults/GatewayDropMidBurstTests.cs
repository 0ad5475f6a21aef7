namespace CoachBot.Discord.Tests.Faults;

/// <summary>
/// The gateway connection failing in the middle of a burst of interactions and messages. Some dispatches were read by
/// the bot, some were on the wire when the socket died, some were dispatched while it was away; Discord replays what
/// the bot's <c>seq</c> does not cover on RESUME (and may repeat what it does), so every event must be answered exactly
/// once. When the session cannot be resumed, Discord itself drops what it dispatched in between (no replay into a new
/// session): the bot can only make sure everything before and after the gap is answered once, and say so in the log.
/// </summary>
public sealed class GatewayDropMidBurstTests
{
    private const int Burst = 24;
    private const int DropAfter = 10;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AbruptDropMidBurst_ResumesWithReplay_EveryInteractionAcknowledgedAndAnsweredExactlyOnce()
    {
        await using var test = await StartAsync();
        await WaitUntilTheBotHoldsTheSessionAsync(test);

        var sent = new List<FakeInteraction>();
        for (var i = 0; i < Burst; i++)
        {
            if (i == DropAfter)
            {
                // Earlier dispatches may still be unread in the bot's socket: they die with it and come back on RESUME.
                await test.Server.DropGatewayAsync();
            }

            sent.Add(await test.Server.SendInteractionAsync(Ask(i)));
        }

        await test.Server.WaitUntilAsync(() => sent.All(i => AnswersTo(test, i) >= 1), "an answer to every interaction", Guard);

        Assert.Equal(1, test.Server.ResumeCount);
        Assert.Equal(1, test.Server.IdentifyCount);
        AssertEachAnsweredOnce(test, sent);
    }

    [Fact]
    public async Task Close4000MidBurst_OfInteractionsAndMessages_NothingLost_NothingTwice_MessagesStayInOrder()
    {
        await using var test = await StartAsync();

        var sent = new List<FakeInteraction>();
        var texts = new List<string>();
        for (var i = 0; i < Burst; i++)
        {
            if (i == DropAfter)
            {
                await test.Server.CloseGatewayAsync(4000, "unknown error");
            }

            if (i % 2 == 0)
            {
                sent.Add(await test.Server.SendInteractionAsync(Ask(i)));
            }
            else
            {
                texts.Add("m" + i);
                await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("m" + i));
            }
        }

        await test.Server.WaitUntilAsync(
            () => sent.All(i => AnswersTo(test, i) >= 1) && texts.All(t => MessageAnswers(test, t) >= 1),
            "an answer to every interaction and message",
            Guard);

        Assert.Equal(1, test.Server.ResumeCount);
        AssertEachAnsweredOnce(test, sent);
        Assert.All(texts, t => Assert.Equal(1, MessageAnswers(test, t)));
        // One DM channel: its messages are answered in the order they were sent, across the reconnect.
        Assert.Equal(texts, test.Coach.Seen<MessageRequest>().Select(r => r.Text));
    }

    [Fact]
    public async Task ResumeReplaysEventsTheBotAlreadyHandled_NoneIsAcknowledgedOrAnsweredTwice()
    {
        await using var test = await StartAsync();
        var sent = new List<FakeInteraction>();
        for (var i = 0; i < 4; i++)
        {
            sent.Add(await test.Server.SendInteractionAsync(Ask(i)));
            await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("seen" + i));
        }

        await test.Server.WaitUntilAsync(
            () => sent.All(i => AnswersTo(test, i) == 1) && Enumerable.Range(0, 4).All(i => MessageAnswers(test, "seen" + i) == 1),
            "the first answers",
            Guard);

        // At-least-once delivery: the RESUME replays the last eight dispatches although the bot's seq covers them.
        test.Server.ResumeReplaysAlreadySeen = 8;
        await test.Server.DropGatewayAsync(("MESSAGE_CREATE", FakeDiscordEvents.DirectMessage("missed")));
        await test.Server.WaitUntilAsync(() => MessageAnswers(test, "missed") == 1, "the answer to the missed message", Guard);
        var sentinel = await test.Server.SendInteractionAsync(Ask(99));
        await test.Server.WaitUntilAsync(() => AnswersTo(test, sentinel) == 1, "the sentinel's answer", Guard);

        Assert.Equal(1, test.Server.ResumeCount);
        AssertEachAnsweredOnce(test, [.. sent, sentinel]);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(1, MessageAnswers(test, "seen" + i)));
        Assert.Equal(["seen0", "seen1", "seen2", "seen3", "missed"], test.Coach.Seen<MessageRequest>().Select(r => r.Text));
    }

    [Fact]
    public async Task SameEventDispatchedTwiceUnderNewSequenceNumbers_IsHandledOnce()
    {
        await using var test = await StartAsync();
        var command = Ask(1);
        var interaction = await test.Server.SendInteractionAsync(command);
        var message = FakeDiscordEvents.DirectMessage("twice");

        // Discord occasionally sends an event twice; the copies carry new sequence numbers but the same id.
        await test.Server.DispatchAsync("INTERACTION_CREATE", command);
        await test.Server.SendMessageCreateAsync(message);
        await test.Server.SendMessageCreateAsync(message);
        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("after"));
        await test.Server.WaitUntilAsync(() => MessageAnswers(test, "after") == 1 && AnswersTo(test, interaction) == 1, "the answers", Guard);

        AssertEachAnsweredOnce(test, [interaction]);
        Assert.Equal(1, MessageAnswers(test, "twice"));
        Assert.Equal(["twice", "after"], test.Coach.Seen<MessageRequest>().Select(r => r.Text));
    }

    [Fact]
    public async Task DropWhereTheSessionCannotBeResumed_IdentifiesAgain_EventsOutsideTheGapAnsweredOnce_AndTheGapIsLogged()
    {
        await using var test = await StartAsync();
        var before = new List<FakeInteraction>();
        for (var i = 0; i < 6; i++)
        {
            before.Add(await test.Server.SendInteractionAsync(Ask(i)));
        }

        await test.Server.WaitUntilAsync(() => before.All(i => AnswersTo(test, i) == 1), "the answers before the drop", Guard);
        var firstSession = test.Server.CurrentSessionId;

        // The session expired while the bot was away: Discord refuses the RESUME (op 9 false) and never delivers what it
        // dispatched to the old session in between. That loss is Discord's; the bot must not make it worse.
        test.Server.RejectResumes = true;
        await test.Server.DropGatewayAsync(("MESSAGE_CREATE", FakeDiscordEvents.DirectMessage("lost in the gap")));
        await test.Server.WaitUntilAsync(() => test.Server.IdentifyCount == 2, "a fresh identify", Guard);
        await test.Server.WaitUntilAsync(() => test.Server.CurrentSessionId != firstSession, "the new session", Guard);
        await test.Server.WaitForSessionAsync(Guard);

        var after = new List<FakeInteraction>();
        for (var i = 10; i < 16; i++)
        {
            after.Add(await test.Server.SendInteractionAsync(Ask(i)));
        }

        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("after the gap"));
        await test.Server.WaitUntilAsync(
            () => after.All(i => AnswersTo(test, i) == 1) && MessageAnswers(test, "after the gap") == 1,
            "the answers after the new session",
            Guard);

        // The bot tried to RESUME before identifying again. On a loaded machine a missed heartbeat ACK can make it
        // reconnect once more (again RESUME first, refused while RejectResumes is on), so count at least one.
        Assert.InRange(test.Server.ResumeCount, 1, test.Server.IdentifyCount - 1);
        AssertEachAnsweredOnce(test, [.. before, .. after]);
        Assert.Equal(0, MessageAnswers(test, "lost in the gap"));
        Assert.Contains(test.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains("could not be resumed", StringComparison.Ordinal)
            && e.Message.Contains("not replayed", StringComparison.Ordinal));
    }

    /// <summary>
    /// These tests are about nothing lost and nothing twice, not speed: the fake's 3-second acknowledgement window is
    /// widened so a slow reconnect on a loaded machine can't turn into a refused callback.
    /// </summary>
    private static Task<DiscordTestHost> StartAsync() =>
        DiscordTestHost.StartAsync(arrangeServer: s => s.Options.InteractionDeadline = TimeSpan.FromSeconds(60));

    /// <summary>
    /// The fake counts a session from its own side; the bot can resume it only once it has read READY. An abrupt drop
    /// before that loses READY with the socket, and the bot rightly identifies afresh (nothing to resume).
    /// </summary>
    private static Task WaitUntilTheBotHoldsTheSessionAsync(DiscordTestHost test) =>
        test.Server.WaitUntilAsync(
            () => test.Adapter.Clients.Count > 0 && test.Adapter.Clients[0].SessionId == test.Server.CurrentSessionId,
            "the bot to read READY",
            Guard);

    private static JsonObject Ask(int i) => FakeDiscordEvents.SlashCommand(
        "ask",
        [FakeDiscordEvents.Option("question", "q" + i.ToString(CultureInfo.InvariantCulture))],
        userId: (610000000000000000 + i).ToString(CultureInfo.InvariantCulture));

    /// <summary>Every interaction: one successful deferral, no refused second one, one edit of @original, one thread.</summary>
    private static void AssertEachAnsweredOnce(DiscordTestHost test, IReadOnlyList<FakeInteraction> interactions)
    {
        Assert.All(interactions, interaction =>
        {
            var callbacks = test.Server.RequestsTo("POST", $"/interactions/{interaction.Id}/");
            Assert.Equal([204], callbacks.Select(c => c.Status));
            Assert.Equal(5, interaction.CallbackType);
            Assert.Equal(1, AnswersTo(test, interaction));
            Assert.Single(test.Server.RequestsTo("POST", $"/messages/{interaction.OriginalMessageId}/threads"));
        });
        Assert.DoesNotContain(test.Server.Requests, r => r.Status is 400 or 404);
    }

    /// <summary>Edits of @original with the answer; counted only once the answer's thread exists (the last step).</summary>
    private static int AnswersTo(DiscordTestHost test, FakeInteraction interaction) =>
        interaction.OriginalMessageId.Length == 0 || test.Server.RequestsTo("POST", $"/messages/{interaction.OriginalMessageId}/threads").Count == 0
            ? 0
            : test.Server.RequestsTo("PATCH", interaction.Token).Count(r => r.Status == 200 && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal));

    private static int MessageAnswers(DiscordTestHost test, string text) =>
        test.Server.RequestsTo("POST", "/channels/").Count(r => r.Status == 200
            && r.Content is { } content
            && (content == "You said: " + text || content.StartsWith("You said: " + text + "\n", StringComparison.Ordinal)));
}
