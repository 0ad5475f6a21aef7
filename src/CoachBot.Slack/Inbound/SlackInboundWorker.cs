using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Drains <see cref="SlackInbox"/> with a fixed number of concurrent consumers (Slack:MaxConcurrentRequests), so
/// slow answers (the LLM) never hold up acknowledgements and no acknowledged work is silently lost.
/// </summary>
public sealed partial class SlackInboundWorker(
    SlackInbox queue,
    SlackInboundRouter router,
    IOptions<SlackOptions> options,
    ILogger<SlackInboundWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = Enumerable.Range(0, options.Value.MaxConcurrentRequests).Select(_ => ConsumeAsync(stoppingToken));
        return Task.WhenAll(consumers);
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await router.RouteAsync(item, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // One bad delivery must not stop the consumer.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogProcessingFailed(ex, item.Kind.ToString(), item.Transport);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing a Slack {Kind} from {Transport} failed")]
    private partial void LogProcessingFailed(Exception exception, string kind, string transport);
}
