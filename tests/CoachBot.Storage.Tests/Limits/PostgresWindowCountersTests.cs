using CoachBot.Core.Limits;
using CoachBot.Storage.Limits;
using Npgsql;

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
    public async Task ABurstOfCalls_SharesAFewConnections_InsteadOfOpeningOnePerCaller()
    {
        // Other suites share the run's database: this instance's connections are told apart by an application name.
        var name = "counters-burst-" + Guid.NewGuid().ToString("N")[..8];
        var options = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(_database!.Options.ConnectionString) { ApplicationName = name }.ConnectionString,
        };
        await using var counters = new PostgresWindowCounters(Options.Create(options), new InProcessWindowCounters(), Time, NullLogger<PostgresWindowCounters>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(async () => await counters.IncrementAsync([$"burst{i % 3}"], Minute, TimeSpan.FromMinutes(1), CancellationToken.None))));

        Assert.InRange(await ConnectionsNamedAsync(name), 1, PostgresWindowCounters.MaxConnections);
        Assert.Equal(100, await counters.ReadAsync("burst0", Minute, CancellationToken.None)
            + await counters.ReadAsync("burst1", Minute, CancellationToken.None)
            + await counters.ReadAsync("burst2", Minute, CancellationToken.None));
    }

    [StoreFact]
    public async Task WithoutAnApplicationName_TheCountersConnectionsAreNamedForThem()
    {
        await Counters.IncrementAsync(["named"], Minute, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.InRange(await ConnectionsNamedAsync(PostgresWindowCounters.ApplicationName), 1, PostgresWindowCounters.MaxConnections);
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

    private async Task<long> ConnectionsNamedAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(_database!.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", connection);
        command.Parameters.AddWithValue("name", applicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private PostgresWindowCounters Create()
    {
        var counters = new PostgresWindowCounters(Options.Create(_database!.Options), new InProcessWindowCounters(), Time, NullLogger<PostgresWindowCounters>.Instance);
        _others.Add(counters);
        return counters;
    }
}
