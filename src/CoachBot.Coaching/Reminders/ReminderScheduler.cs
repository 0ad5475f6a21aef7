using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Reminders;

/// <summary>The hosted service behind reminders: a tick at start-up, then one every <see cref="RemindersOptions.TickInterval"/> on the injected clock.</summary>
public sealed partial class ReminderScheduler(
    ReminderRunner runner,
    IOptions<RemindersOptions> options,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(options.Value.TickInterval, time);
            do
            {
                try
                {
                    await runner.RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTickFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A reminder tick failed; retrying on the next tick")]
    private partial void LogTickFailed(Exception exception);
}
