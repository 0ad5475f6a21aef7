using CoachBot.Core.Hosting;
using CoachBot.Storage.Quiz;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Quiz;

/// <summary>Marks quizzes idle past the timeout as expired, every few minutes, so they stop blocking new ones and stop counting as active.</summary>
public sealed partial class QuizJanitor(IQuizStore store, IOptions<QuizOptions> options, TimeProvider time, ILogger<QuizJanitor> logger) : PeriodicSweepService(time)
{
    /// <summary>One sweep; returns how many quizzes expired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var expired = await store.ExpireIdleAsync(now - options.Value.IdleTimeout, now, cancellationToken);
        if (expired > 0)
        {
            LogExpired(expired);
        }

        return expired;
    }

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes);

    protected override Task SweepOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    protected override void OnSweepFailed(Exception exception) => LogSweepFailed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} idle quiz(zes)")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping idle quizzes failed; will retry")]
    private partial void LogSweepFailed(Exception exception);
}
