using CoachBot.Storage.Feedback;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Feedback;

/// <summary>Deletes answer records past the vote window that nobody voted on, so the table stays bounded.</summary>
public sealed partial class FeedbackJanitor(
    IAnswerFeedbackStore store, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackJanitor> logger) : BackgroundService
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var purged = await store.PurgeUnvotedAsync(time.GetUtcNow() - options.Value.VoteWindow, cancellationToken);
        if (purged > 0)
        {
            LogPurged(purged);
        }

        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes), time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep must not stop the host; the next tick tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} unvoted answer record(s) past the vote window")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old answer records failed; will retry")]
    private partial void LogSweepFailed(Exception exception);
}
