using CoachBot.Storage.Quiz;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Quiz;

/// <summary>Marks quizzes idle past the timeout as expired, every few minutes, so they stop blocking new ones and stop counting as active.</summary>
public sealed partial class QuizJanitor(IQuizStore store, IOptions<QuizOptions> options, TimeProvider time, ILogger<QuizJanitor> logger)
    : BackgroundService
{
    /// <summary>One sweep; returns how many quizzes expired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = await store.ExpireIdleAsync(now - options.Value.IdleTimeout, now, cancellationToken);
        if (expired > 0)
        {
            LogExpired(expired);
        }

        return expired;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} idle quiz(zes)")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping idle quizzes failed; will retry")]
    private partial void LogSweepFailed(Exception exception);
}
