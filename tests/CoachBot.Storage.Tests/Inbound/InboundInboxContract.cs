namespace CoachBot.Storage.Tests.Inbound;

/// <summary>What every <see cref="IInboundInbox"/> must do: the in-memory one, SQLite and PostgreSQL.</summary>
public abstract class InboundInboxContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 23, 0, 0, TimeSpan.Zero);
    private IInboundInbox? _inbox;

    protected IInboundInbox Inbox => _inbox ?? throw new InvalidOperationException("The inbox is created in InitializeAsync.");

    public async Task InitializeAsync() => _inbox = await CreateInboxAsync();

    public virtual async Task DisposeAsync()
    {
        switch (_inbox)
        {
            case IAsyncDisposable disposable:
                await disposable.DisposeAsync();
                break;
        }
    }

    protected abstract Task<IInboundInbox> CreateInboxAsync();

    [StoreFact]
    public async Task RecordAsync_ANewKey_IsRecorded_AndTheSameKeyAgainIsADuplicate()
    {
        Assert.Equal(InboundRecordResult.Recorded, await Inbox.RecordAsync(Delivery("slack", "event:Ev1"), CancellationToken.None));

        Assert.Equal(InboundRecordResult.Duplicate, await Inbox.RecordAsync(Delivery("slack", "event:Ev1", payload: "{\"retry\":1}"), CancellationToken.None));
    }

    [StoreFact]
    public async Task RecordAsync_TheSameKeyOnAnotherPlatform_IsADifferentDelivery()
    {
        await Inbox.RecordAsync(Delivery("slack", "123"), CancellationToken.None);

        Assert.Equal(InboundRecordResult.Recorded, await Inbox.RecordAsync(Delivery("discord", "123"), CancellationToken.None));
    }

    [StoreFact]
    public async Task RecordAsync_AfterTheDeliveryWasCompleted_IsStillADuplicate()
    {
        await Inbox.RecordAsync(Delivery("slack", "event:Ev1"), CancellationToken.None);
        await Inbox.CompleteAsync("slack", "event:Ev1", CancellationToken.None);

        Assert.Equal(InboundRecordResult.Duplicate, await Inbox.RecordAsync(Delivery("slack", "event:Ev1"), CancellationToken.None));
    }

    [StoreFact]
    public async Task RecordAsync_ManyConcurrentDeliveriesWithEveryKeyTwice_RecordsEachKeyOnce()
    {
        var keys = Enumerable.Range(0, 150).Select(i => $"event:Ev{i}").ToList();

        var results = await Task.WhenAll(keys.Concat(keys).Select(key => Task.Run(() => Inbox.RecordAsync(Delivery("slack", key), CancellationToken.None))));

        Assert.Equal(150, results.Count(r => r == InboundRecordResult.Recorded));
        var claimed = await Inbox.ClaimUnfinishedAsync("slack", Start.AddMinutes(1), Start, maxAttempts: 2, CancellationToken.None);
        Assert.Equal(keys.Order(StringComparer.Ordinal), claimed.Select(d => d.DeliveryKey).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task ClaimUnfinishedAsync_ReturnsThePendingRowsOldestFirst_WithEverythingRecordedAndOneMoreAttempt()
    {
        await Inbox.RecordAsync(Delivery("slack", "b", receivedAt: Start.AddSeconds(2), kind: "slash_command", payload: "{\"text\":\"é\"}"), CancellationToken.None);
        await Inbox.RecordAsync(Delivery("slack", "a", receivedAt: Start.AddSeconds(1)), CancellationToken.None);
        await Inbox.RecordAsync(Delivery("slack", "done", receivedAt: Start), CancellationToken.None);
        await Inbox.RecordAsync(Delivery("discord", "other platform", receivedAt: Start), CancellationToken.None);
        await Inbox.CompleteAsync("slack", "done", CancellationToken.None);

        var claimed = await Inbox.ClaimUnfinishedAsync("slack", Start.AddMinutes(1), Start.AddMinutes(1), maxAttempts: 2, CancellationToken.None);

        Assert.Equal(["a", "b"], claimed.Select(d => d.DeliveryKey));
        var b = claimed[1];
        Assert.Equal(Delivery("slack", "b", receivedAt: Start.AddSeconds(2), kind: "slash_command", payload: "{\"text\":\"é\"}") with { Attempts = 2 }, b);
    }

    [StoreFact]
    public async Task ClaimUnfinishedAsync_SkipsRowsPastTheirUsefulLife_AndRowsReceivedSinceTheStart()
    {
        await Inbox.RecordAsync(Delivery("slack", "stale", receivedAt: Start, usefulFor: TimeSpan.FromMinutes(30)), CancellationToken.None);
        await Inbox.RecordAsync(Delivery("slack", "fresh", receivedAt: Start.AddMinutes(20), usefulFor: TimeSpan.FromMinutes(30)), CancellationToken.None);
        await Inbox.RecordAsync(Delivery("slack", "this process", receivedAt: Start.AddMinutes(40), usefulFor: TimeSpan.FromMinutes(30)), CancellationToken.None);

        var claimed = await Inbox.ClaimUnfinishedAsync("slack", receivedBefore: Start.AddMinutes(40), now: Start.AddMinutes(40), maxAttempts: 2, CancellationToken.None);

        Assert.Equal(["fresh"], claimed.Select(d => d.DeliveryKey));
    }

    [StoreFact]
    public async Task ClaimUnfinishedAsync_ARowAlreadyReplayedUpToMaxAttempts_IsNotClaimedAgain()
    {
        await Inbox.RecordAsync(Delivery("slack", "crashes"), CancellationToken.None);
        var first = await Inbox.ClaimUnfinishedAsync("slack", Start.AddMinutes(1), Start.AddMinutes(1), maxAttempts: 2, CancellationToken.None);

        var second = await Inbox.ClaimUnfinishedAsync("slack", Start.AddMinutes(2), Start.AddMinutes(2), maxAttempts: 2, CancellationToken.None);

        Assert.Single(first);
        Assert.Empty(second);
    }

    [StoreFact]
    public async Task PurgeAsync_RemovesRowsPastTheirUsefulLife_CompletedOrNot_AndKeepsTheRest()
    {
        await Inbox.RecordAsync(Delivery("slack", "old done", receivedAt: Start, usefulFor: TimeSpan.FromMinutes(30)), CancellationToken.None);
        await Inbox.CompleteAsync("slack", "old done", CancellationToken.None);
        await Inbox.RecordAsync(Delivery("slack", "old pending", receivedAt: Start, usefulFor: TimeSpan.FromMinutes(30)), CancellationToken.None);
        await Inbox.RecordAsync(Delivery("slack", "young", receivedAt: Start.AddMinutes(20), usefulFor: TimeSpan.FromMinutes(30)), CancellationToken.None);

        var purged = await Inbox.PurgeAsync(Start.AddMinutes(31), CancellationToken.None);

        Assert.Equal(2, purged);
        Assert.Equal(InboundRecordResult.Recorded, await Inbox.RecordAsync(Delivery("slack", "old done"), CancellationToken.None));
        Assert.Equal(InboundRecordResult.Duplicate, await Inbox.RecordAsync(Delivery("slack", "young"), CancellationToken.None));
    }

    [StoreFact]
    public async Task RecordAsync_AKeyLongerThanTheColumn_IsRefusedBeforeAnythingIsWritten()
    {
        var tooLong = new string('k', InboundLimits.DeliveryKeyLength + 1);

        await Assert.ThrowsAsync<ArgumentException>(() => Inbox.RecordAsync(Delivery("slack", tooLong), CancellationToken.None));
    }

    private static InboundDelivery Delivery(
        string platform, string key, DateTimeOffset? receivedAt = null, TimeSpan? usefulFor = null, string kind = "event", string payload = "{}")
    {
        var received = receivedAt ?? Start;
        return new InboundDelivery(platform, key, kind, payload, received, received + (usefulFor ?? TimeSpan.FromMinutes(30)));
    }
}
