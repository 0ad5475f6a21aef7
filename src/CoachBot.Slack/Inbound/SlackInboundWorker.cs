using System.Text.Json;
using CoachBot.Core.Work;
using CoachBot.Core.Inbound;
using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Processes recorded Slack deliveries after their acknowledgement, each in one of Slack:MaxConcurrentRequests slots of a
/// <see cref="WorkGate"/>: a delivery is taken from the queue only when a slot is free, so a queue that fills up means
/// the CPU work (and posting) is behind and HTTP intake refuses with a 503. Awaiting the model holds no slot (the model
/// call steps out of it; Llm:MaxConcurrentRequests bounds those waits). Each inbox row is completed once its reply was
/// delivered (or failed with an apology). On
/// start it replays the rows an earlier process acknowledged but did not finish (younger than Slack:DeliveryUsefulLife,
/// at most once more), and then keeps taking those of another process on the database that died (leases, see the inbox). On shutdown it stops intake, lets the work in hand finish for up to Slack:DrainTimeout, then
/// cancels the rest: what was not finished stays unfinished in the inbox for the next start.
/// </summary>
public sealed partial class SlackInboundWorker(
    SlackInbox queue,
    SlackInboundRouter router,
    SlackIntake intake,
    IInboundInbox inbox,
    IHostApplicationLifetime lifetime,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackInboundWorker> logger,
    AcknowledgementsFirst? acknowledgements = null) : IHostedService, IDisposable
{
    /// <summary>Processing attempts per delivery: the first, and one replay after a crash or a shutdown.</summary>
    public const int MaxAttempts = 2;

    private static readonly TimeSpan AbortWait = TimeSpan.FromSeconds(2);

    private readonly PlatformInbox _rows = new(inbox, SlackIntake.Platform, time, logger);
    private readonly CancellationTokenSource _stopTaking = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly WorkGate _slots = new(options.Value.MaxConcurrentRequests);
    private readonly HashSet<Task> _working = [];
    private CancellationTokenRegistration _onStopping;
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        // Intake stops as soon as shutdown is announced, before the web server and the sockets are taken down.
        _onStopping = lifetime.ApplicationStopping.Register(intake.StopAccepting);
        _running = Task.WhenAll(Task.Run(ConsumeAsync, CancellationToken.None), Task.Run(() => ReplayAsync(startedAt), CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        intake.StopAccepting();
        await _stopTaking.CancelAsync();
        try
        {
            await _running.WaitAsync(options.Value.DrainTimeout, cancellationToken);
            LogDrained();
            return;
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException)
        {
        }

        LogDrainTimedOut(options.Value.DrainTimeout);
        await _abort.CancelAsync();
        try
        {
            await _running.WaitAsync(AbortWait, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            LogAbandoned();
        }
    }

    public void Dispose()
    {
        _onStopping.Dispose();
        _stopTaking.Dispose();
        _abort.Dispose();
    }

    /// <summary>
    /// At start, the rows an earlier run left; then every <see cref="IInboundInbox.ReplaySweep"/>, the rows of another
    /// process on the same database that died (their lease expired), until shutdown.
    /// </summary>
    private async Task ReplayAsync(DateTimeOffset startedAt)
    {
        while (!_stopTaking.IsCancellationRequested)
        {
            var unfinished = await _rows.ClaimUnfinishedAsync(startedAt, MaxAttempts, Read, _stopTaking.Token);
            foreach (var delivery in unfinished)
            {
                queue.Enqueue(delivery);
            }

            try
            {
                await Task.Delay(IInboundInbox.ReplaySweep, time, _stopTaking.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static SlackQueuedDelivery? Read(InboundDelivery row)
    {
        if (SlackInboundKinds.Parse(row.Kind) is not { } kind)
        {
            return null;
        }

        using var document = JsonDocument.Parse(row.Payload);
        return new SlackQueuedDelivery(new SlackInbound(kind, document.RootElement.Clone(), "replay"), row.DeliveryKey, HoldsPlace: false);
    }

    /// <summary>Takes a delivery whenever a work slot is free and works on it in that slot; on stop, waits for the work in hand.</summary>
    private async Task ConsumeAsync()
    {
        try
        {
            while (true)
            {
                // A delivery first, then a slot: waiting for deliveries must not hold a slot that work coming back from
                // the model needs.
                if (!await queue.Reader.WaitToReadAsync(_stopTaking.Token))
                {
                    break;
                }

                // Acknowledgements still to go out (this platform's or Discord's) get the CPU first; bounded wait.
                if (acknowledgements is not null)
                {
                    await acknowledgements.WhenDrainedAsync(_stopTaking.Token);
                }

                var slot = await _slots.EnterAsync(_stopTaking.Token);
                if (!queue.Reader.TryRead(out var item))
                {
                    slot.Dispose();
                    continue;
                }

                if (item.HoldsPlace)
                {
                    queue.ReturnPlace();
                }

                lock (_working)
                {
                    var work = Task.Run(() => ProcessInSlotAsync(item, slot), CancellationToken.None);
                    _working.Add(work);
                    work.ContinueWith(Forget, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (_stopTaking.IsCancellationRequested)
        {
        }

        Task[] inHand;
        lock (_working)
        {
            inHand = [.. _working];
        }

        await Task.WhenAll(inHand);
    }

    private void Forget(Task work)
    {
        lock (_working)
        {
            _working.Remove(work);
        }
    }

    private async Task ProcessInSlotAsync(SlackQueuedDelivery item, WorkSlot slot)
    {
        using (slot)
        {
            await slot.RunAsync(async () =>
            {
                await ProcessAsync(item);
                return true;
            });
        }
    }

    private async Task ProcessAsync(SlackQueuedDelivery item)
    {
        try
        {
            // Acknowledged before any work (Socket Mode's ack goes out from the socket's own loop); bounded by Slack's 3 s.
            await Task.WhenAny(item.Acknowledged, Task.Delay(TimeSpan.FromSeconds(3), _abort.Token));
            await router.RouteAsync(item.Inbound, _abort.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            LogLeftForReplay(item.Inbound.Kind);
            return;
        }
#pragma warning disable CA1031 // One bad delivery must not stop the consumer; it failed for good (the person got an apology or nothing can be sent).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogProcessingFailed(ex, item.Inbound.Kind, item.Inbound.Transport);
        }

        await _rows.CompleteAsync(item.DeliveryKey);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing a Slack {Kind} from {Transport} failed")]
    private partial void LogProcessingFailed(Exception exception, SlackInboundKind kind, string transport);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack work drained before shutdown")]
    private partial void LogDrained();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack work not finished within Slack:DrainTimeout ({Timeout}); cancelling it, it stays in the inbox for the next start")]
    private partial void LogDrainTimedOut(TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack work ignored cancellation; stopping without it (it stays in the inbox for the next start)")]
    private partial void LogAbandoned();

    [LoggerMessage(Level = LogLevel.Information, Message = "A Slack {Kind} was cut off by shutdown; it stays in the inbox for the next start")]
    private partial void LogLeftForReplay(SlackInboundKind kind);
}
