using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Limits;

/// <summary>Deletes <c>usage_counters</c> rows past their window every few minutes (PostgreSQL only: elsewhere the counters are in process).</summary>
public sealed partial class UsageCounterPurger(
    IOptions<StorageOptions> options, IServiceProvider services, TimeProvider time, ILogger<UsageCounterPurger> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != StorageProvider.Postgres)
        {
            return;
        }

        var counters = services.GetRequiredService<PostgresWindowCounters>();
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var purged = await counters.PurgeAsync(time.GetUtcNow(), stoppingToken);
                    if (purged > 0)
                    {
                        LogPurged(purged);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A failed purge is retried at the next tick; it must not stop the host.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogPurgeFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired usage counters")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging usage counters failed; trying again later")]
    private partial void LogPurgeFailed(Exception exception);
}
