using CoachBot.Core.Conversations.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Conversations;

/// <summary>Deletes the turns of conversations idle longer than <c>ConversationMemory:IdleMinutes</c>, every few minutes.</summary>
public sealed partial class ConversationMemoryPurger(
    ConversationMemoryStore store, IOptions<ConversationMemoryOptions> options, TimeProvider time, ILogger<ConversationMemoryPurger> logger)
    : BackgroundService
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
                    var purged = await store.PurgeAsync(time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.IdleMinutes), stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} turns of idle conversations")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging idle conversations failed; trying again later")]
    private partial void LogPurgeFailed(Exception exception);
}
