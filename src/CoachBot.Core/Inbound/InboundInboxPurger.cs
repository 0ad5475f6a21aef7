using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Inbound;

/// <summary>
/// Deletes inbox rows whose useful life is over, every few minutes: completed rows are kept until then only so a late
/// platform retry is still recognised as a duplicate.
/// </summary>
public sealed partial class InboundInboxPurger(IInboundInbox inbox, TimeProvider time, ILogger<InboundInboxPurger> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var purged = await inbox.PurgeAsync(time.GetUtcNow(), stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} inbox rows past their useful life")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging the inbound inbox failed; trying again later")]
    private partial void LogPurgeFailed(Exception exception);
}
