using CoachBot.Core.Limits;
using CoachBot.Storage.Limits;

namespace CoachBot.Storage.Tests.Limits;

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresWindowCountersTests : WindowCountersContract
{
    private readonly List<PostgresWindowCounters> _others = [];
    private PostgresTestDatabase? _database;

    protected override async Task<IWindowCounters> CreateCountersAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        return Create();
    }

    public override async Task DisposeAsync()
    {
        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [StoreFact]
    public async Task TwoProcessesOnOneDatabase_ShareThePerPersonLimit()
    {
        var a = Limiter(Counters, perUser: 4);
        var b = Limiter(Create(), perUser: 4);

        var allowed = 0;
        for (var i = 0; i < 4; i++)
        {
            allowed += (await a.TryAcquireAsync(Context("U1"), CancellationToken.None)).Allowed ? 1 : 0;
            allowed += (await b.TryAcquireAsync(Context("U1"), CancellationToken.None)).Allowed ? 1 : 0;
        }

        Assert.Equal(4, allowed);
    }

    [StoreFact]
    public async Task Purge_DeletesOnlyCountersNoWindowReadsAnyMore()
    {
        var counters = (PostgresWindowCounters)Counters;
        await counters.IncrementAsync(["old"], Minute, TimeSpan.FromMinutes(1), CancellationToken.None);
        await counters.IncrementAsync(["day"], Minute, TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Equal(1, await counters.PurgeAsync(Minute.AddMinutes(3), CancellationToken.None));
        Assert.Equal(1, await counters.ReadAsync("day", Minute, CancellationToken.None));
    }

    [StoreFact]
    public async Task AnUnreachableDatabase_FallsBackToCountingInProcess()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=1" };
        await using var down = new PostgresWindowCounters(Options.Create(options), new InProcessWindowCounters(), Time, NullLogger<PostgresWindowCounters>.Instance);

        Assert.Equal(1, (await down.IncrementAsync(["k"], Minute, TimeSpan.FromMinutes(1), CancellationToken.None))[0].Current);
        Assert.Equal(2, (await down.IncrementAsync(["k"], Minute, TimeSpan.FromMinutes(1), CancellationToken.None))[0].Current);
    }

    private PostgresWindowCounters Create()
    {
        var counters = new PostgresWindowCounters(Options.Create(_database!.Options), new InProcessWindowCounters(), Time, NullLogger<PostgresWindowCounters>.Instance);
        _others.Add(counters);
        return counters;
    }
}
