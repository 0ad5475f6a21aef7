using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CoachBot.Core.Diagnostics;
using CoachBot.Discord.Interactions;
using CoachBot.Discord.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoachBot.LoadTest;

/// <summary>
/// The bot's own view of acknowledgement latency (event received by the adapter → ack/callback sent): the
/// <c>coachbot.ack.latency</c> histogram of the CoachBot meter (Slack records it) and the Discord interaction
/// handler's <c>Acknowledged</c> event. Complements the fakes' end-to-end records, which also include the time a frame
/// spends queued on the single gateway/socket connection.
/// </summary>
internal sealed class BotSideAckLatencies : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _byPlatform = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();
    private readonly DiscordInteractionHandler? _discord;

    public BotSideAckLatencies(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CoachMetrics.MeterName && instrument.Name == "coachbot.ack.latency")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "platform" && tag.Value is string platform && platform != "discord")
                {
                    Add(platform, value);
                }
            }
        });
        _listener.Start();
        _discord = host.Services.GetService<DiscordInteractionHandler>();
        if (_discord is not null)
        {
            _discord.Acknowledged += OnDiscordAcknowledged;
        }
    }

    public void Reset(string platform) => _byPlatform[platform] = new ConcurrentQueue<double>();

    public IReadOnlyList<double> Of(string platform) =>
        _byPlatform.TryGetValue(platform, out var values) ? values.ToArray() : [];

    public void Dispose()
    {
        if (_discord is not null)
        {
            _discord.Acknowledged -= OnDiscordAcknowledged;
        }

        _listener.Dispose();
    }

    private void OnDiscordAcknowledged(DiscordInteraction interaction, TimeSpan elapsed) => Add("discord", elapsed.TotalMilliseconds);

    private void Add(string platform, double milliseconds) =>
        _byPlatform.GetOrAdd(platform, _ => new ConcurrentQueue<double>()).Enqueue(milliseconds);
}
