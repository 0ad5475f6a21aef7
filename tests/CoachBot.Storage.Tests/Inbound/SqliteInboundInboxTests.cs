using CoachBot.Storage.Inbound;

namespace CoachBot.Storage.Tests.Inbound;

public sealed class SqliteInboundInboxTests : InboundInboxContract
{
    private SqliteTestDatabase? _database;

    protected override async Task<IInboundInbox> CreateInboxAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        return new InboundInboxStore(_database.Contexts, TimeProvider.System, NullLogger<InboundInboxStore>.Instance);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task RecordAsync_WhenTheWriteFails_Throws_SoTheCallerCanRefuseTheDelivery()
    {
        await using var unmigrated = SqliteTestDatabase.CreateEmpty();
        Directory.CreateDirectory(unmigrated.Directory);
        await using var store = new InboundInboxStore(unmigrated.Contexts, TimeProvider.System, NullLogger<InboundInboxStore>.Instance);

        await Assert.ThrowsAnyAsync<Exception>(() => store.RecordAsync(
            new InboundDelivery("slack", "event:Ev1", "event", "{}", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(30)), CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_AfterTheStoreWasDisposed_TheRowSurvivesInTheFile()
    {
        var delivery = new InboundDelivery("slack", "event:Ev1", "event", "{}", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(30));
        await Inbox.RecordAsync(delivery, CancellationToken.None);
        await ((IAsyncDisposable)Inbox).DisposeAsync();

        await using var reopened = new InboundInboxStore(_database!.Contexts, TimeProvider.System, NullLogger<InboundInboxStore>.Instance);
        var claimed = await reopened.ClaimUnfinishedAsync("slack", DateTimeOffset.UnixEpoch.AddMinutes(1), DateTimeOffset.UnixEpoch.AddMinutes(1), 2, CancellationToken.None);

        Assert.Equal("event:Ev1", Assert.Single(claimed).DeliveryKey);
    }
}
