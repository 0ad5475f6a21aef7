using CoachBot.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Limits;

/// <summary>Deletes <c>usage_counters</c> rows past their window every few minutes (PostgreSQL only: elsewhere the counters are in process).</summary>
public sealed class UsageCounterPurger(
    IOptions<StorageOptions> options, IServiceProvider services, TimeProvider time, ILogger<UsageCounterPurger> logger)
    : PeriodicPurger(time, logger, "expired usage counters")
{
    protected override bool Enabled => options.Value.Provider == StorageProvider.Postgres;

    protected override Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<PostgresWindowCounters>().PurgeAsync(now, cancellationToken);
}
