using CoachBot.Core.Inbound;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Core.Tests.Inbound;

public sealed class PlatformInboxTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInboundInbox _store = new();

    [Fact]
    public async Task ClaimUnfinished_ReadsEachRow_AndCompletesTheUnreadableOnesSoTheyAreNotClaimedAgain()
    {
        await RecordAsync("k1", "{\"text\":\"hello\"}");
        await RecordAsync("k2", "not json");
        await RecordAsync("k3", "{\"other\":1}");
        var inbox = new PlatformInbox(_store, "test", _clock, NullLogger.Instance);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var read = await inbox.ClaimUnfinishedAsync(_clock.GetUtcNow(), maxAttempts: 5, Text, CancellationToken.None);
        var claimedAgain = await _store.ClaimUnfinishedAsync("test", _clock.GetUtcNow(), _clock.GetUtcNow(), 5, CancellationToken.None);

        Assert.Equal(["hello"], read);
        Assert.Equal(["k1"], claimedAgain.Select(r => r.DeliveryKey));
    }

    [Fact]
    public async Task ClaimUnfinished_InboxFailing_ReplaysNothingInsteadOfThrowing()
    {
        var inbox = new PlatformInbox(new FailingInbox(), "test", _clock, NullLogger.Instance);

        var read = await inbox.ClaimUnfinishedAsync(_clock.GetUtcNow(), 2, Text, CancellationToken.None);

        Assert.Empty(read);
    }

    [Fact]
    public async Task Complete_InboxFailing_IsSwallowed_AndAWorkingInboxMarksTheRowDone()
    {
        await RecordAsync("k1", "{}");
        _clock.Advance(TimeSpan.FromMinutes(1));

        await new PlatformInbox(new FailingInbox(), "test", _clock, NullLogger.Instance).CompleteAsync("k1");
        await new PlatformInbox(_store, "test", _clock, NullLogger.Instance).CompleteAsync("k1");

        Assert.Empty(await _store.ClaimUnfinishedAsync("test", _clock.GetUtcNow(), _clock.GetUtcNow(), 5, CancellationToken.None));
    }

    private static string? Text(InboundDelivery row)
    {
        using var document = System.Text.Json.JsonDocument.Parse(row.Payload);
        return document.RootElement.TryGetProperty("text", out var text) ? text.GetString() : null;
    }

    private Task<InboundRecordResult> RecordAsync(string key, string payload) =>
        _store.RecordAsync(new InboundDelivery("test", key, "kind", payload, _clock.GetUtcNow(), _clock.GetUtcNow().AddHours(1)), CancellationToken.None);

    private sealed class FailingInbox : IInboundInbox
    {
        public Task<InboundRecordResult> RecordAsync(InboundDelivery delivery, CancellationToken cancellationToken) => throw new IOException("disk");

        public Task CompleteAsync(string platform, string deliveryKey, CancellationToken cancellationToken) => throw new IOException("disk");

        public Task<IReadOnlyList<InboundDelivery>> ClaimUnfinishedAsync(string platform, DateTimeOffset receivedBefore, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken) =>
            throw new IOException("disk");

        public Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => throw new IOException("disk");
    }
}
