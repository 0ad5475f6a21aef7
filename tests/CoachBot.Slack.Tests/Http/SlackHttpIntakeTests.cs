using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Slack.Tests.Http;

/// <summary>HTTP mode intake: what is answered 200 is recorded first; a 503 marks nothing, so Slack's retry is processed.</summary>
public sealed class SlackHttpIntakeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EventWithTheQueueFull_Is503_AndSlacksRetryWithTheSameEventIdIsAnsweredOnce()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync(new() { ["Slack:MaxConcurrentRequests"] = "1", ["Slack:QueueCapacity"] = "16" });
        var fake = harness.Fake;
        harness.Coach.CloseGate();
        using (await harness.Driver!.SendEventAsync(Dm(fake, "in flight")))
        {
        }

        Assert.True(await harness.Coach.Started.WaitAsync(Guard));
        foreach (var i in Enumerable.Range(0, 16))
        {
            using var queued = await harness.Driver.SendEventAsync(Dm(fake, "queued " + i));
            Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        }

        var overflow = Dm(fake, "overflow");
        using var refused = await harness.Driver.SendEventAsync(overflow);
        harness.Coach.OpenGate();
        await fake.WaitUntilAsync(_ => harness.Coach.Seen<MessageRequest>().Count == 17, Guard, "the accepted events processed");
        using var retried = await harness.Driver.SendEventAsync(overflow, retryNum: 1);
        using var again = await harness.Driver.SendEventAsync(overflow, retryNum: 2);
        await fake.WaitUntilAsync(_ => harness.Coach.Seen<MessageRequest>().Any(r => r.Text == "overflow"), Guard, "the retried event processed");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(harness.Coach.Seen<MessageRequest>(), r => r.Text == "overflow");
    }

    [Fact]
    public async Task SlashCommandWithTheQueueFull_IsStillAcceptedAndAnswered_BecauseSlackNeverRetriesIt()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync(new() { ["Slack:MaxConcurrentRequests"] = "1", ["Slack:QueueCapacity"] = "16" });
        var fake = harness.Fake;
        harness.Coach.CloseGate();
        using (await harness.Driver!.SendEventAsync(Dm(fake, "in flight")))
        {
        }

        Assert.True(await harness.Coach.Started.WaitAsync(Guard));
        foreach (var i in Enumerable.Range(0, 16))
        {
            using var queued = await harness.Driver.SendEventAsync(Dm(fake, "queued " + i));
        }

        using var command = await harness.Driver.SendCommandAsync(FakeSlackPayloads.SlashCommand("/ask", "still answered", "U222", "C111", fake.CreateResponseUrl()));
        harness.Coach.OpenGate();
        await fake.WaitUntilAsync(_ => harness.Coach.Requests.Any(r => r is CommandRequest), Guard, "the command processed");

        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
    }

    [Fact]
    public async Task InboxWriteFailing_Is503_AndTheRetryOnceItWorksIsProcessed()
    {
        var inbox = new TestInbox(failures: 1);
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync(configureServices: s => s.Replace(ServiceDescriptor.Singleton<IInboundInbox>(inbox)));
        var body = Dm(harness.Fake, "after a failed write");

        using var refused = await harness.Driver!.SendEventAsync(body);
        using var retried = await harness.Driver.SendEventAsync(body, retryNum: 1);
        await harness.Fake.WaitUntilAsync(_ => harness.Coach.Seen<MessageRequest>().Any(r => r.Text == "after a failed write"), Guard, "the retry processed");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task AnsweredEvent_IsCompletedInTheInbox_SoARestartWouldNotReplayIt()
    {
        var inbox = new TestInbox(failures: 0);
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync(configureServices: s => s.Replace(ServiceDescriptor.Singleton<IInboundInbox>(inbox)));

        using var response = await harness.Driver!.SendEventAsync(Dm(harness.Fake, "answered"));
        await harness.Fake.WaitForCallAsync("chat.postMessage", c => c.Ok, Guard);
        for (var waited = TimeSpan.Zero; inbox.Completed.IsEmpty && waited < Guard; waited += TimeSpan.FromMilliseconds(20))
        {
            await Task.Delay(20);
        }

        var unfinished = await inbox.ClaimUnfinishedAsync(SlackIntake.Platform, DateTimeOffset.MaxValue, DateTimeOffset.MinValue, maxAttempts: 2, CancellationToken.None);
        Assert.Empty(unfinished);
    }

    [Fact]
    public async Task WhileShuttingDown_ANewEventIs503_AndNothingIsRecorded()
    {
        var inbox = new InMemoryInboundInbox();
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync(configureServices: s => s.Replace(ServiceDescriptor.Singleton<IInboundInbox>(inbox)));
        harness.Services.GetRequiredService<SlackIntake>().StopAccepting();
        var body = Dm(harness.Fake, "too late");

        using var response = await harness.Driver!.SendEventAsync(body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var key = SlackDeliveryKeys.For(SlackInboundKind.Event, System.Text.Json.JsonSerializer.SerializeToElement(body));
        Assert.Equal(InboundRecordResult.Recorded, await inbox.RecordAsync(
            new InboundDelivery(SlackIntake.Platform, key, "event", "{}", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1)), CancellationToken.None));
    }

    [Fact]
    public async Task RefusedUnsignedRequests_AreCountedByReason_AndOnlyVerifiedOnesAreTimedAsAcks()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync();
        var factory = harness.Services.GetRequiredService<IMeterFactory>();
        var acks = 0;
        var rejected = new ConcurrentDictionary<string, int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name is "coachbot.ack.latency" or "coachbot.requests.rejected")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => Interlocked.Increment(ref acks));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    rejected.AddOrUpdate((string)tag.Value!, 1, (_, n) => n + 1);
                }
            }
        });
        listener.Start();

        using (await harness.Driver!.SendEventAsync(Dm(harness.Fake, "tampered"), signing: SigningMode.Tampered))
        using (await harness.Driver.SendEventAsync(Dm(harness.Fake, "unsigned"), signing: SigningMode.NoSignature))
        using (await harness.Driver.SendEventAsync(Dm(harness.Fake, "stale"), age: TimeSpan.FromMinutes(10)))
        using (await harness.Driver.SendEventAsync(Dm(harness.Fake, "signed")))
        {
        }

        Assert.Equal(1, Volatile.Read(ref acks));
        Assert.Equal(1, rejected.GetValueOrDefault("bad_signature"));
        Assert.Equal(1, rejected.GetValueOrDefault("missing_signature"));
        Assert.Equal(1, rejected.GetValueOrDefault("stale_timestamp"));
    }

    private static System.Text.Json.Nodes.JsonObject Dm(FakeSlackServer fake, string text) =>
        FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U222", text, "D111", fake.NextTs(), "im"));

    /// <summary>An in-memory inbox whose first writes fail, as a locked or unreachable database would, and which notes completions.</summary>
    private sealed class TestInbox(int failures) : IInboundInbox
    {
        private readonly InMemoryInboundInbox _inner = new();
        private int _failures = failures;

        public ConcurrentQueue<string> Completed { get; } = new();

        public Task<InboundRecordResult> RecordAsync(InboundDelivery delivery, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _failures) >= 0
                ? Task.FromException<InboundRecordResult>(new InvalidOperationException("database is locked"))
                : _inner.RecordAsync(delivery, cancellationToken);

        public Task CompleteAsync(string platform, string deliveryKey, CancellationToken cancellationToken)
        {
            Completed.Enqueue(deliveryKey);
            return _inner.CompleteAsync(platform, deliveryKey, cancellationToken);
        }

        public Task<IReadOnlyList<InboundDelivery>> ClaimUnfinishedAsync(string platform, DateTimeOffset receivedBefore, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken) =>
            _inner.ClaimUnfinishedAsync(platform, receivedBefore, now, maxAttempts, cancellationToken);

        public Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => _inner.PurgeAsync(cutoff, cancellationToken);
    }
}
