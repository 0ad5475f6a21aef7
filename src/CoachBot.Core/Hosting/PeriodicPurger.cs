using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Hosting;

/// <summary>
/// A <see cref="PeriodicSweepService"/> that deletes what has expired every 5 minutes (inbox rows, idle conversations,
/// old usage counters) and logs how much went, or that it failed.
/// </summary>
public abstract partial class PeriodicPurger(TimeProvider time, ILogger logger, string what) : PeriodicSweepService(time)
{
    protected override TimeSpan Interval { get; } = TimeSpan.FromMinutes(5);

    /// <summary>False when there is nothing of this kind to purge in this configuration.</summary>
    protected virtual bool Enabled => true;

    /// <summary>Deletes what has expired at <paramref name="now"/>; returns how many rows went.</summary>
    protected abstract Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        var purged = await PurgeAsync(Time.GetUtcNow(), cancellationToken);
        if (purged > 0)
        {
            LogPurged(logger, purged, what);
        }
    }

    protected override void OnSweepFailed(Exception exception) => LogPurgeFailed(logger, exception, what);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} {What}")]
    private static partial void LogPurged(ILogger logger, int count, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging {What} failed; trying again later")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception, string what);
}
