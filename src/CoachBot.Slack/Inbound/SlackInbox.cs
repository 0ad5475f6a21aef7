using System.Threading.Channels;
using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// The in-memory hand-off from intake to the worker. The durable row in the inbound inbox is the truth; this only
/// carries recorded deliveries to the consumers and counts room: Slack:QueueCapacity places, taken before a retryable
/// event is recorded (so a full queue refuses it unmarked and Slack's retry is processed) and given back when a
/// consumer takes the delivery. Slash commands and interactions, which Slack never retries, take a place when there is
/// one and are queued anyway when there is none.
/// </summary>
public sealed class SlackInbox(IOptions<SlackOptions> options) : IDisposable
{
    private readonly Channel<SlackQueuedDelivery> _channel = Channel.CreateUnbounded<SlackQueuedDelivery>(new UnboundedChannelOptions
    {
        SingleReader = false,
        SingleWriter = false,
    });

    private readonly SemaphoreSlim _places = new(options.Value.QueueCapacity, options.Value.QueueCapacity);

    public ChannelReader<SlackQueuedDelivery> Reader => _channel.Reader;

    /// <summary>Deliveries waiting (for diagnostics and tests).</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Takes a place, waiting up to <paramref name="wait"/> for one; false when the queue stayed full.</summary>
    public Task<bool> TryTakePlaceAsync(TimeSpan wait, CancellationToken cancellationToken) => _places.WaitAsync(wait, cancellationToken);

    public void ReturnPlace() => _places.Release();

    public void Enqueue(SlackQueuedDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!_channel.Writer.TryWrite(delivery))
        {
            throw new InvalidOperationException("The Slack hand-off queue is closed.");
        }
    }

    public void Dispose() => _places.Dispose();
}
