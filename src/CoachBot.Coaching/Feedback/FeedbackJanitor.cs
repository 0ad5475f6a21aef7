using CoachBot.Core.Hosting;
using CoachBot.Storage.Feedback;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Feedback;

/// <summary>Deletes answer records past the vote window that nobody voted on, so the table stays bounded.</summary>
public sealed partial class FeedbackJanitor(
    IAnswerFeedbackStore store, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackJanitor> logger) : PeriodicSweepService(time)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var purged = await store.PurgeUnvotedAsync(Time.GetUtcNow() - options.Value.VoteWindow, cancellationToken);
        if (purged > 0)
        {
            LogPurged(purged);
        }

        return purged;
    }

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes);

    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    protected override void OnSweepFailed(Exception exception) => LogSweepFailed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} unvoted answer record(s) past the vote window")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old answer records failed; will retry")]
    private partial void LogSweepFailed(Exception exception);
}
