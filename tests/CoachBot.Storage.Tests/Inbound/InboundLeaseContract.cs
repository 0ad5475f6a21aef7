using CoachBot.Storage.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Storage.Tests.Inbound;

/// <summary>
/// Several processes on one database (issue #18): a starting process does not replay the rows a live process is still
/// working on (their lease is renewed), but finishes those of a process that died (the lease expired); and a retry of a
/// delivery another process recorded is a duplicate.
/// </summary>
public abstract class InboundLeaseContract : StoreContract
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 14, 0, 0, TimeSpan.Zero));

    [StoreFact]
    public async Task AStartingProcess_LeavesALiveProcesssRows_AndTakesThemOnceThatProcessDied()
    {
        // Process A's own clock never moves on: it renews nothing, as after a kill -9.
        await using var a = new InboundInboxStore(Database.Contexts, new FakeTimeProvider(_time.GetUtcNow()), NullLogger<InboundInboxStore>.Instance);
        Assert.Equal(InboundRecordResult.Recorded, await a.RecordAsync(Delivery("event:Ev1"), CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(5));
        await using var b = Store();

        Assert.Empty(await b.ClaimUnfinishedAsync("slack", _time.GetUtcNow(), _time.GetUtcNow(), maxAttempts: 2, CancellationToken.None));

        _time.Advance(InboundInboxStore.LeaseDuration);
        var taken = Assert.Single(await b.ClaimUnfinishedAsync("slack", _time.GetUtcNow(), _time.GetUtcNow(), maxAttempts: 2, CancellationToken.None));
        Assert.Equal(("event:Ev1", 2), (taken.DeliveryKey, taken.Attempts));
        Assert.Empty(await b.ClaimUnfinishedAsync("slack", _time.GetUtcNow(), _time.GetUtcNow(), maxAttempts: 3, CancellationToken.None));
    }

    [StoreFact]
    public async Task ALiveProcessRenewingItsLeases_KeepsItsRowsPastTheLeaseDuration()
    {
        await using var a = Store();
        await a.RecordAsync(Delivery("event:Ev1"), CancellationToken.None);
        await using var b = Store();

        _time.Advance(InboundInboxStore.LeaseDuration / 2);
        Assert.Equal(1, await a.RenewLeasesAsync(CancellationToken.None));
        _time.Advance(InboundInboxStore.LeaseDuration / 2 + TimeSpan.FromSeconds(1));

        Assert.Empty(await b.ClaimUnfinishedAsync("slack", _time.GetUtcNow(), _time.GetUtcNow(), maxAttempts: 2, CancellationToken.None));
    }

    [StoreFact]
    public async Task TwoProcessesClaimingADeadProcesssRowsAtOnce_TakeEachRowOnce()
    {
        var dead = Store();
        for (var i = 0; i < 40; i++)
        {
            await dead.RecordAsync(Delivery("event:Ev" + i), CancellationToken.None);
        }

        await dead.DisposeAsync();
        _time.Advance(InboundInboxStore.LeaseDuration + TimeSpan.FromSeconds(1));
        await using var b = Store();
        await using var c = Store();

        var claims = await Task.WhenAll(new[] { b, c }.Select(s => Task.Run(() => ClaimRetryingAsync(s))));

        Assert.Equal(40, claims.Sum(c => c.Count));
        Assert.Equal(40, claims.SelectMany(c => c).Select(d => d.DeliveryKey).Distinct().Count());
    }

    [StoreFact]
    public async Task AProcessStoppedInAnOrderlyWay_ReleasesItsRows_ForTheNextStartAtOnce()
    {
        var a = Store();
        await a.RecordAsync(Delivery("event:Ev1"), CancellationToken.None);
        await a.DisposeAsync();
        await using var restarted = Store();

        Assert.Single(await restarted.ClaimUnfinishedAsync("slack", _time.GetUtcNow(), _time.GetUtcNow(), maxAttempts: 2, CancellationToken.None));
    }

    [StoreFact]
    public async Task ARetryDeliveredToAnotherProcess_AfterTheFirstAnswered_IsADuplicate()
    {
        await using var a = Store();
        await using var b = Store();
        await a.RecordAsync(Delivery("event:Ev1"), CancellationToken.None);
        await a.CompleteAsync("slack", "event:Ev1", CancellationToken.None);

        Assert.Equal(InboundRecordResult.Duplicate, await b.RecordAsync(Delivery("event:Ev1"), CancellationToken.None));
    }

    private async Task<IReadOnlyList<InboundDelivery>> ClaimRetryingAsync(InboundInboxStore store)
    {
        // SQLite may refuse a second writer while the first holds the lock; a real process would try at the next sweep.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await store.ClaimUnfinishedAsync("slack", _time.GetUtcNow(), _time.GetUtcNow(), maxAttempts: 2, CancellationToken.None);
            }
            catch (Exception ex) when (attempt < 5 && StorageFaults.IsTransient(ex))
            {
                await Task.Delay(100);
            }
        }
    }

    private InboundInboxStore Store() => new(Database.Contexts, _time, NullLogger<InboundInboxStore>.Instance);

    private InboundDelivery Delivery(string key) =>
        new("slack", key, "event", "{}", _time.GetUtcNow(), _time.GetUtcNow().AddMinutes(30));
}

public sealed class SqliteInboundLeaseTests : InboundLeaseContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresInboundLeaseTests : InboundLeaseContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
