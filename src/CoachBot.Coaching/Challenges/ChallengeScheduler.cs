using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// The hosted service behind weekly challenges: one tick at start-up (so a slot missed while the bot was down is posted
/// once, straight away), then one every <see cref="ChallengesOptions.TickInterval"/> on the injected clock.
/// </summary>
public sealed partial class ChallengeScheduler(
    ChallengeScheduleRunner runner,
    IOptions<ChallengesOptions> options,
    TimeProvider time,
    ILogger<ChallengeScheduler> logger) : BackgroundService
{
    private readonly TaskCompletionSource _firstTick = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes after the start-up tick (tests and health checks wait on it).</summary>
    public Task FirstTick => _firstTick.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            LogDisabled();
            _firstTick.TrySetResult();
            return;
        }

        try
        {
            // The timer starts before the first tick so no clock movement during that tick is missed.
            using var timer = new PeriodicTimer(options.Value.TickInterval, time);
            await TickAsync(stoppingToken);
            _firstTick.TrySetResult();
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _firstTick.TrySetResult();
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database hiccup must not stop the scheduler for good; the next tick tries again.
            LogTickFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The challenge scheduler is turned off (Challenges:SchedulerEnabled=false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "A challenge scheduler tick failed; retrying on the next tick")]
    private partial void LogTickFailed(Exception exception);
}
