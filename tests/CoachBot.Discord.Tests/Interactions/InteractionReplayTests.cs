using System.Text.Json;
using CoachBot.Core.Inbound;

namespace CoachBot.Discord.Tests.Interactions;

/// <summary>
/// Interactions acknowledged by one run of the bot and not answered before it stopped are answered by the next run,
/// from the durable inbox both share (here the in-memory one, shared by two hosts; the database one is the same
/// contract, and the real-process kill test lives in the host tests).
/// </summary>
public sealed class InteractionReplayTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AnInteractionDeferredBeforeTheBotStopped_IsAnsweredByTheNextRun_ByEditingItsPlaceholder()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        var inbox = new WatchedInbox();

        var first = await StartBotAsync(server, inbox);
        first.Services.GetRequiredService<StandInCoach>().CloseGate();
        await server.WaitForSessionAsync();
        var interaction = await server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "what is an index?")]));
        Assert.True(await first.Services.GetRequiredService<StandInCoach>().Started.WaitAsync(Guard));
        Assert.Equal(5, interaction.CallbackType);

        // The first run stops while the answer is still being worked on: nothing was edited.
        await StopAsync(first);
        Assert.Empty(server.RequestsTo("PATCH", "/messages/@original"));

        await using var second = new OwnedHost(await StartBotAsync(server, inbox));
        var edit = await server.WaitForRequestAsync(
            r => r.Method == "PATCH" && r.Path.Contains(interaction.Token, StringComparison.Ordinal) && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal),
            "the placeholder edited by the second run",
            Guard);

        Assert.Contains("Answer to: what is an index?", edit.Content, StringComparison.Ordinal);
        // The second run tried the deferral again and was told it was already there; it sent nothing else first.
        Assert.Equal(2, server.RequestsTo("POST", "/interactions/" + interaction.Id + "/").Count);
        await WaitUntilCompletedAsync(inbox, interaction.Id);
    }

    [Fact]
    public async Task Stopping_LetsAnAnswerInHandFinishWithinTheDrainTimeout_AndCompletesItsRow()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        var inbox = new WatchedInbox();
        var bot = await StartBotAsync(server, inbox, drainTimeout: "00:00:30");
        var coach = bot.Services.GetRequiredService<StandInCoach>();
        coach.CloseGate();
        await server.WaitForSessionAsync();
        var interaction = await server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "drain me")]));
        Assert.True(await coach.Started.WaitAsync(Guard));

        var stopping = StopAsync(bot);
        // Shutdown has begun (the gateway is closed) and waits for the answer in hand.
        await server.WaitUntilAsync(() => server.OpenConnections == 0, "the gateway closed by the stopping bot", Guard);
        Assert.False(stopping.IsCompleted);
        coach.OpenGate();
        await stopping.WaitAsync(Guard);

        Assert.Single(server.RequestsTo("PATCH", interaction.Token));
        await WaitUntilCompletedAsync(inbox, interaction.Id);
    }

    [Fact]
    public async Task Stopping_WithNothingInHand_DoesNotWaitForTheReplaySweepOrTheDrainTimeout()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        var inbox = new WatchedInbox();
        var bot = await StartBotAsync(server, inbox, drainTimeout: "00:05:00");
        await server.WaitForSessionAsync();
        await server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "answered before the stop")]));
        await server.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal), "the answer", Guard);

        // The replay sweep runs for the life of the adapter; it is not an answer in hand, so the stop must not wait
        // Discord:DrainTimeout (five minutes here) for it. Without a token the stop can only end by the sweep ending.
        await bot.StopAsync(CancellationToken.None).WaitAsync(Guard);
        bot.Dispose();
    }

    [Fact]
    public async Task AnInteractionNeverAcknowledged_WhoseTokenExpired_GetsItsPublicAnswerInTheChannel_WithANoteAboutTheWait()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        var inbox = new WatchedInbox();
        var payload = FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "what is sharding?")]);
        var tracked = server.TrackInteraction(payload);
        await RecordAsync(inbox, payload, receivedAgo: TimeSpan.FromMinutes(20));

        await using var bot = new OwnedHost(await StartBotAsync(server, inbox));
        var post = await server.WaitForRequestAsync(
            r => r.Method == "POST" && r.Path.EndsWith("/channels/" + tracked.ChannelId + "/messages", StringComparison.Ordinal),
            "the answer posted in the channel",
            Guard);

        Assert.StartsWith(DiscordInteractionHandler.DelayedNote, post.Content, StringComparison.Ordinal);
        Assert.Contains("Answer to: what is sharding?", post.Content, StringComparison.Ordinal);
        // Past the token's life nothing is tried through it.
        Assert.Null(tracked.CallbackType);
        Assert.Empty(server.RequestsTo("POST", "/interactions/"));
        await WaitUntilCompletedAsync(inbox, tracked.Id);
    }

    [Fact]
    public async Task AnInteractionWhoseDeferralNeverWentOut_IsAnsweredInTheChannel_WhenDiscordNoLongerKnowsIt()
    {
        await using var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { InteractionDeadline = TimeSpan.Zero });
        var inbox = new WatchedInbox();
        var payload = FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "what is a queue?")]);
        var tracked = server.TrackInteraction(payload);
        await RecordAsync(inbox, payload, receivedAgo: TimeSpan.FromMinutes(2));

        await using var bot = new OwnedHost(await StartBotAsync(server, inbox));
        var post = await server.WaitForRequestAsync(
            r => r.Method == "POST" && r.Path.EndsWith("/channels/" + tracked.ChannelId + "/messages", StringComparison.Ordinal),
            "the answer posted in the channel",
            Guard);

        // The token was still young, so the deferral was tried: Discord answered "unknown interaction" (10062).
        Assert.Single(server.RequestsTo("POST", "/interactions/" + tracked.Id + "/"));
        Assert.Null(tracked.CallbackType);
        Assert.Contains("Answer to: what is a queue?", post.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APrivateAnswerWhoseTokenExpired_IsDropped_WithALogLineThatSaysSo_AndNeverPostedInTheChannel()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        var inbox = new WatchedInbox();
        var payload = FakeDiscordEvents.SlashCommand("submit");
        var tracked = server.TrackInteraction(payload);
        await RecordAsync(inbox, payload, receivedAgo: TimeSpan.FromMinutes(30));

        var logs = new CapturingLoggerProvider();
        await using var bot = new OwnedHost(await StartBotAsync(server, inbox, logs));
        await WaitUntilCompletedAsync(inbox, tracked.Id);

        Assert.Contains(logs.Entries, e => e.Message.Contains("Dropped a private reply", StringComparison.Ordinal));
        Assert.Empty(server.RequestsTo("POST", "/messages"));
    }

    [Fact]
    public async Task AnInteractionPastTheReplayWindow_IsNotAnswered()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        var inbox = new WatchedInbox();
        var payload = FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "too late?")]);
        server.TrackInteraction(payload);
        await RecordAsync(inbox, payload, receivedAgo: TimeSpan.FromMinutes(61), window: TimeSpan.FromMinutes(60));
        var fresh = FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "in time?")]);
        var freshTracked = server.TrackInteraction(fresh);
        await RecordAsync(inbox, fresh, receivedAgo: TimeSpan.FromMinutes(30), window: TimeSpan.FromMinutes(60));

        await using var bot = new OwnedHost(await StartBotAsync(server, inbox));
        var post = await server.WaitForRequestAsync(
            r => r.Method == "POST" && r.Path.EndsWith("/channels/" + freshTracked.ChannelId + "/messages", StringComparison.Ordinal),
            "the answer still in its window",
            Guard);

        Assert.Contains("in time?", post.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(server.RequestsTo("POST", "/messages"), r => r.Content?.Contains("too late?", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task AnInboxThatDoesNotAnswer_DoesNotCostTheAcknowledgement_TheInteractionIsDeferredAndAnswered()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        var inbox = new WatchedInbox { StallRecords = true };
        var logs = new CapturingLoggerProvider();
        await using var bot = new OwnedHost(await StartBotAsync(server, inbox, logs));
        await server.WaitForSessionAsync();

        var interaction = await server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "stalled?")]));
        var edit = await server.WaitForRequestAsync(
            r => r.Method == "PATCH" && r.Path.Contains(interaction.Token, StringComparison.Ordinal),
            "the answer despite the stalled inbox",
            Guard);

        // Deferred within Discord's window (the fake refuses a later callback with 10062), then answered.
        Assert.Equal(5, interaction.CallbackType);
        Assert.Contains("Answer to: stalled?", edit.Content, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Message.Contains("acknowledging it anyway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameInteractionDeliveredAgainToTheNextRun_IsNotAnsweredTwice()
    {
        // Within one process the gateway's recent-id set already drops a copy; a copy reaching a new process (after a
        // restart, or another process on the same database) is caught only by the inbox's key.
        await using var server = await FakeDiscordServer.StartAsync();
        var inbox = new WatchedInbox();
        var payload = FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "twice?")]);

        var first = await StartBotAsync(server, inbox);
        await server.WaitForSessionAsync();
        var tracked = await server.SendInteractionAsync(payload);
        await server.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(tracked.Token, StringComparison.Ordinal), "the answer", Guard);
        await WaitUntilCompletedAsync(inbox, tracked.Id);
        await StopAsync(first);

        await using var second = new OwnedHost(await StartBotAsync(server, inbox));
        // The second run's own session, not the closing one of the first.
        await server.WaitUntilAsync(() => server.IdentifyCount == 2, "the second run identified", Guard);
        await server.WaitForSessionAsync();
        await server.DispatchAsync("INTERACTION_CREATE", payload);
        var next = await server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "next")]));
        await server.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(next.Token, StringComparison.Ordinal), "the next answer", Guard);

        Assert.Single(server.RequestsTo("POST", "/interactions/" + tracked.Id + "/"));
        Assert.Single(server.RequestsTo("PATCH", tracked.Token));
    }

    private static async Task RecordAsync(WatchedInbox inbox, JsonObject payload, TimeSpan receivedAgo, TimeSpan? window = null)
    {
        var receivedAt = DateTimeOffset.UtcNow - receivedAgo;
        var delivery = new InboundDelivery(
            InteractionInbox.Platform,
            payload["id"]!.GetValue<string>(),
            InteractionInbox.Kind,
            payload.ToJsonString(),
            receivedAt,
            receivedAt + (window ?? TimeSpan.FromMinutes(60)));
        Assert.Equal(InboundRecordResult.Recorded, await inbox.RecordAsync(delivery, CancellationToken.None));
    }

    private static async Task WaitUntilCompletedAsync(WatchedInbox inbox, string interactionId)
    {
        await inbox.WhenCompleted(interactionId).WaitAsync(Guard);
    }

    private static async Task<IHost> StartBotAsync(FakeDiscordServer server, WatchedInbox inbox, CapturingLoggerProvider? logs = null, string drainTimeout = "00:00:00")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = server.Options.Token,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
            ["Discord:ReconnectBaseDelayMs"] = "20",
            ["Discord:IdentifyIntervalMs"] = "0",
            ["Discord:DrainTimeout"] = drainTimeout,
        });
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        }

        builder.Services.AddSingleton<IInboundInbox>(inbox);
        builder.Services.AddCoachCore();
        builder.Services.AddStandInFeatures();
        builder.Services.AddDiscordAdapter(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task StopAsync(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }

    private sealed class OwnedHost(IHost host) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(StopAsync(host));
    }

    /// <summary>The in-memory inbox, telling the test when a delivery was completed.</summary>
    private sealed class WatchedInbox : IInboundInbox
    {
        private readonly InMemoryInboundInbox _inner = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _completed = new();

        /// <summary>Records never finish (a database that stopped answering).</summary>
        public bool StallRecords { get; init; }

        public Task WhenCompleted(string deliveryKey) => Completion(deliveryKey).Task;

        public Task<InboundRecordResult> RecordAsync(InboundDelivery delivery, CancellationToken cancellationToken) =>
            StallRecords ? new TaskCompletionSource<InboundRecordResult>().Task : _inner.RecordAsync(delivery, cancellationToken);

        public async Task CompleteAsync(string platform, string deliveryKey, CancellationToken cancellationToken)
        {
            await _inner.CompleteAsync(platform, deliveryKey, cancellationToken);
            Completion(deliveryKey).TrySetResult();
        }

        public Task<IReadOnlyList<InboundDelivery>> ClaimUnfinishedAsync(
            string platform, DateTimeOffset receivedBefore, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken) =>
            _inner.ClaimUnfinishedAsync(platform, receivedBefore, now, maxAttempts, cancellationToken);

        public Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => _inner.PurgeAsync(cutoff, cancellationToken);

        private TaskCompletionSource Completion(string key) =>
            _completed.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
