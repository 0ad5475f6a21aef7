using System.Collections.Concurrent;
using CoachBot.Discord.Commands;
using CoachBot.Discord.Gateway;
using CoachBot.Discord.Interactions;
using CoachBot.Discord.Messages;
using CoachBot.Discord.Models;
using CoachBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Discord.Hosting;

/// <summary>
/// Runs the Discord adapter: asks <c>/gateway/bot</c> where to connect and how many shards to use, opens one gateway
/// connection per shard this process runs, registers commands after the first READY, and hands events to the
/// interaction and message handlers without blocking the gateway. A fatal gateway close or a rejected token stops the
/// adapter with a clear log line; the host keeps running.
/// </summary>
public sealed partial class DiscordAdapterService(
    DiscordRestClient rest,
    DiscordInteractionHandler interactions,
    InteractionReplay replay,
    DiscordMessageHandler messages,
    CommandRegistrar registrar,
    BotThreadRegistry threads,
    DiscordSession session,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ILogger<DiscordAdapterService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, byte> _work = new();

    // Cancels answers in hand: not when shutdown starts, but once they had DrainTimeout to finish.
    private readonly CancellationTokenSource _workStopping = new();
    private readonly List<DiscordGatewayClient> _clients = [];
    private readonly KeyedSerialQueue _channelQueue = new();
    private int _registered;
    private int _replayed;
    private DateTimeOffset _startedAt;
    private int _expectedShards;
    private bool _stopped;

    /// <summary>The running shard connections (for diagnostics and tests).</summary>
    public IReadOnlyList<DiscordGatewayClient> Clients
    {
        get
        {
            lock (_clients)
            {
                return _clients.ToArray();
            }
        }
    }

    /// <summary>Shards this process runs, and how many have a live session (for readiness probes).</summary>
    public DiscordAdapterStatus Status
    {
        get
        {
            var clients = Clients;
            return new DiscordAdapterStatus(
                Volatile.Read(ref _expectedShards),
                clients.Count(c => c.IsReady),
                Volatile.Read(ref _stopped));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        _startedAt = time.GetUtcNow();
        var info = await DiscoverGatewayAsync(stoppingToken);
        if (info is null)
        {
            Volatile.Write(ref _stopped, true);
            return;
        }

        var shardCount = settings.ShardCount ?? Math.Max(1, info.Shards);
        var shardIds = settings.ShardIds.Count > 0 ? settings.ShardIds.ToList() : Enumerable.Range(0, shardCount).ToList();
        var gatewayUrl = string.IsNullOrWhiteSpace(settings.GatewayUrlOverride) ? info.Url : settings.GatewayUrlOverride;
        var gate = new IdentifyGate(info.SessionStartLimit?.MaxConcurrency ?? 1, TimeSpan.FromMilliseconds(settings.IdentifyIntervalMs), time);
        Log.Starting(logger, shardIds.Count, shardCount);
        Volatile.Write(ref _expectedShards, shardIds.Count);

        foreach (var shardId in shardIds)
        {
            var client = new DiscordGatewayClient(
                new GatewayConnectionSettings(gatewayUrl, settings.Token!, shardId, shardCount, settings.Intents)
                {
                    ReconnectBaseDelay = TimeSpan.FromMilliseconds(settings.ReconnectBaseDelayMs),
                    ReconnectMaxDelay = TimeSpan.FromMilliseconds(settings.ReconnectMaxDelayMs),
                    InvalidSessionMinDelay = TimeSpan.FromMilliseconds(settings.InvalidSessionMinDelayMs),
                    InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(settings.InvalidSessionMaxDelayMs),
                    MaxFrameBytes = settings.MaxGatewayFrameBytes,
                },
                gate,
                time,
                loggerFactory.CreateLogger<DiscordGatewayClient>());
            Wire(client, stoppingToken);
            lock (_clients)
            {
                _clients.Add(client);
            }

            await client.StartAsync(stoppingToken);
        }

        try
        {
            await Task.WhenAll(Clients.Select(c => c.Completion));
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // The adapter must never take the host down; its failure is logged and it stops.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.WorkFailed(logger, ex);
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            Volatile.Write(ref _stopped, true);
            Log.AdapterStopped(logger);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new work: the gateway connections close first.
        await base.StopAsync(cancellationToken);
        foreach (var client in Clients)
        {
            await client.DisposeAsync();
        }

        // Answers in flight were acknowledged: let them finish for up to Discord:DrainTimeout. Whatever is still running
        // then is cancelled and stays unfinished in the inbox, so the next start answers it.
        var pending = _work.Keys.ToArray();
        if (pending.Length > 0)
        {
            Log.Draining(logger, pending.Length, options.Value.DrainTimeout.TotalSeconds);
            try
            {
                await Task.WhenAll(pending).WaitAsync(options.Value.DrainTimeout, time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                Log.DrainCutShort(logger, _work.Count);
            }
#pragma warning disable CA1031 // A failed answer was logged where it failed; shutdown goes on.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        await _workStopping.CancelAsync();

        // Give the cancelled answers a moment to unwind before the host disposes the services under them.
        try
        {
            await Task.WhenAll(_work.Keys.ToArray()).WaitAsync(TimeSpan.FromSeconds(2), time, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Cancelled or failed answers were logged where they ended.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public override void Dispose()
    {
        _workStopping.Dispose();
        base.Dispose();
    }

    private async Task<GatewayBotInfo?> DiscoverGatewayAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await rest.GetGatewayBotAsync(ct);
            }
            catch (DiscordApiException ex) when (ex.Status == System.Net.HttpStatusCode.Unauthorized)
            {
                Log.TokenRejected(logger);
                return null;
            }
            catch (DiscordApiException ex)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)));
                Log.DiscoveryFailed(logger, ex.Message, (long)delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, time, ct);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    private void Wire(DiscordGatewayClient client, CancellationToken stoppingToken)
    {
        client.Ready += ready =>
        {
            session.OnReady(ready.User.Id, ready.Application?.Id);
            var applicationId = session.ApplicationId;
            if (options.Value.RegisterCommands && applicationId is not null && Interlocked.Exchange(ref _registered, 1) == 0)
            {
                Track(Task.Run(() => registrar.RegisterAsync(applicationId, stoppingToken), CancellationToken.None));
            }

            if (Interlocked.Exchange(ref _replayed, 1) == 0)
            {
                // Interactions acknowledged by an earlier run that died before answering them.
                Track(Task.Run(() => replay.RunRepeatedlyAsync(_startedAt, stoppingToken, _workStopping.Token), CancellationToken.None));
            }

            return Task.CompletedTask;
        };
        client.InteractionCreated += interaction =>
        {
            // Called inline, not through Task.Run: the acknowledgement is sent before the next gateway event is read,
            // without waiting for a thread-pool turn behind coaching work (see DiscordInteractionHandler.HandleAsync).
            Track(interactions.HandleAsync(interaction, _workStopping.Token));
            return Task.CompletedTask;
        };
        client.MessageReceived += message =>
        {
            // One channel's messages are answered in order; channels don't wait for each other.
            Track(_channelQueue.Enqueue(message.ChannelId, () => messages.HandleAsync(message, _workStopping.Token)));
            return Task.CompletedTask;
        };
        client.ThreadCreated += thread =>
        {
            Remember(thread);
            return Task.CompletedTask;
        };
        client.GuildAvailable += guild =>
        {
            foreach (var thread in guild.Threads)
            {
                Remember(thread);
            }

            return Task.CompletedTask;
        };
    }

    private void Remember(DiscordChannel thread)
    {
        if (thread.IsThread && thread.ParentId is not null && thread.OwnerId is not null && thread.OwnerId == session.BotUserId)
        {
            threads.Add(thread.Id, thread.ParentId);
        }
    }

    private void Track(Task task)
    {
        _work.TryAdd(task, 0);
        task.ContinueWith(
            t =>
            {
                _work.TryRemove(t, out _);
                if (t.Exception is { } ex)
                {
                    Log.WorkFailed(logger, ex.GetBaseException());
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>The log lines this class writes.</summary>
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Discord adapter starting {ShardsHere} of {ShardCount} shard(s)")]
        public static partial void Starting(ILogger logger, int shardsHere, int shardCount);

        [LoggerMessage(Level = LogLevel.Critical, Message = "Discord rejected the bot token (HTTP 401). Check Discord:Token. The Discord adapter is off; the rest of CoachBot keeps running.")]
        public static partial void TokenRejected(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach Discord's /gateway/bot ({Reason}); retrying in {DelaySeconds} s")]
        public static partial void DiscoveryFailed(ILogger logger, string reason, long delaySeconds);

        [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped: every shard ended (see the log line above). The rest of CoachBot keeps running.")]
        public static partial void AdapterStopped(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = "Discord adapter stopping: letting {Count} answer(s) in hand finish (up to {Seconds} s)")]
        public static partial void Draining(ILogger logger, int count, double seconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Discord adapter stopped with {Count} answer(s) unfinished; they stay in the inbox and the next start answers them")]
        public static partial void DrainCutShort(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Error, Message = "Discord event handling failed")]
        public static partial void WorkFailed(ILogger logger, Exception exception);
    }
}
