using Microsoft.Extensions.Hosting;

namespace CoachBot.Core.Hosting;

/// <summary>
/// A background sweep (expire idle quizzes, delete old records): runs once at start, then every <see cref="Interval"/>
/// on the injected clock. A failed sweep is reported to <see cref="OnSweepFailed"/> and tried again at the next tick;
/// it never stops the host.
/// </summary>
public abstract class PeriodicSweepService(TimeProvider time) : BackgroundService
{
    /// <summary>The clock the sweep runs on (and the sweep's "now").</summary>
    protected TimeProvider Time { get; } = time;

    protected abstract TimeSpan Interval { get; }

    protected abstract Task SweepOnceAsync(CancellationToken cancellationToken);

    protected abstract void OnSweepFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep must not stop the host; the next tick tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                OnSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
