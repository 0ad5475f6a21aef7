using Microsoft.Extensions.Hosting;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Starts the passage-vector warm-up when the host starts, without holding the start-up up: lexical retrieval serves
/// meanwhile. Nothing happens when semantic retrieval is off.
/// </summary>
public sealed class SemanticWarmupService(SemanticWarmup warmup) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await warmup.EnsureReadyAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        warmup.Stop();
        return base.StopAsync(cancellationToken);
    }
}
