using CoachBot.Core.Hosting;
using CoachBot.Storage.Feedback;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Feedback;

/// <summary>
/// Deletes the question log's records (answers and their votes) past its retention, Dashboard:QuestionLogDays, but never
/// inside the vote window, so the table stays bounded and members' questions are not kept longer than promised.
/// </summary>
public sealed partial class FeedbackJanitor(
    IAnswerFeedbackStore store,
    IOptions<FeedbackOptions> options,
    IOptions<QuestionLogOptions> log,
    TimeProvider time,
    ILogger<FeedbackJanitor> logger) : PeriodicSweepService(time)
{
    /// <summary>How long a record is kept: the longer of the question log's retention and the vote window.</summary>
    public TimeSpan Retention => TimeSpan.FromDays(Math.Max(log.Value.QuestionLogDays, options.Value.VoteWindowDays));

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var purged = await store.PurgeOlderThanAsync(Time.GetUtcNow() - Retention, cancellationToken);
        if (purged > 0)
        {
            LogPurged(purged);
        }

        return purged;
    }

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes);

    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    protected override void OnSweepFailed(Exception exception) => LogSweepFailed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} question log record(s) past their retention")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old question log records failed; will retry")]
    private partial void LogSweepFailed(Exception exception);
}
