using System.Threading.Channels;
using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// The bounded hand-off between "acknowledged" and "processed". Transports ack first, then enqueue; when the queue is
/// full, intake waits (back-pressure) instead of dropping work.
/// </summary>
public sealed class SlackInbox(IOptions<SlackOptions> options)
{
    private readonly Channel<SlackInbound> _channel = Channel.CreateBounded<SlackInbound>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    public ValueTask EnqueueAsync(SlackInbound item, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(item, cancellationToken);

    public ChannelReader<SlackInbound> Reader => _channel.Reader;

    /// <summary>Items waiting (for diagnostics and tests).</summary>
    public int Count => _channel.Reader.Count;
}
