using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using CoachBot.Core.Diagnostics;
using CoachBot.Slack.Api;
using CoachBot.Slack.Configuration;
using CoachBot.Slack.Inbound;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.SocketMode;

/// <summary>
/// Socket Mode transport (SlackNet's SlackSocketModeClient shape): keeps Slack:SocketConnections WebSockets open,
/// started a little apart. Each envelope is recorded in the durable inbox (<see cref="SlackIntake"/>) and then
/// acknowledged on its socket before any work; a retry or a copy on another socket is acked but not answered twice; an
/// envelope that cannot be recorded (queue full for an event, inbox write failed, shutting down) is not acked, so Slack
/// delivers it again. On <c>disconnect</c> a new
/// connection is opened and greeted (hello) before the old one is closed, so nothing falls between them; abrupt drops
/// reconnect with backoff; <c>link_disabled</c> and bad tokens stop the slot for good.
/// </summary>
public sealed partial class SlackSocketModeClient(
    SlackApiClient api,
    SlackIntake intake,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackSocketModeClient> logger,
    CoachMetrics? metrics = null) : BackgroundService
{
    private static readonly HashSet<string> FatalOpenErrors =
        new(["not_authed", "invalid_auth", "account_inactive", "user_removed_from_team", "team_disabled", "not_allowed_token_type"], StringComparer.Ordinal);

    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    // A retiring socket is closed only after this long without frames, so late envelopes on it are still acked.
    private static readonly TimeSpan QuietBeforeClose = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan WarningGrace = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<int, SocketModeConnection> _open = new();
    private readonly ConcurrentBag<Task> _retiring = [];
    private int _nextConnectionId;
    private int _helloCount;
    private volatile bool _stopSlot;

    /// <summary>Connections currently open (for health checks and tests).</summary>
    public int OpenConnections => _open.Count;

    /// <summary>How many connections have completed the hello handshake since start.</summary>
    public int ConnectionsEstablished => Volatile.Read(ref _helloCount);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var slots = Enumerable.Range(0, settings.SocketConnections)
            .Select(slot => RunSlotAsync(slot, slot * settings.SocketConnectionDelay, stoppingToken))
            .ToArray();
        try
        {
            await Task.WhenAll(slots);
        }
        finally
        {
            await Task.WhenAll(_open.Values.Select(c => c.CloseAsync(TimeSpan.FromSeconds(2))));
            await Task.WhenAll(_retiring);
            foreach (var connection in _open.Values)
            {
                await connection.DisposeAsync();
            }

            _open.Clear();
        }
    }

    private async Task RunSlotAsync(int slot, TimeSpan startDelay, CancellationToken stoppingToken)
    {
        try
        {
            if (startDelay > TimeSpan.Zero)
            {
                await Task.Delay(startDelay, timeProvider, stoppingToken);
            }

            SocketModeConnection? current = null;
            var failures = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (current is null)
                {
                    current = await TryConnectAsync(slot, stoppingToken);
                    if (current is null)
                    {
                        if (_stopSlot)
                        {
                            return;
                        }

                        failures++;
                        await Task.Delay(Backoff(failures), timeProvider, stoppingToken);
                        continue;
                    }

                    failures = 0;
                }

                var ended = await Task.WhenAny(current.DisconnectRequested, current.Closed).WaitAsync(stoppingToken);
                if (ended == current.Closed && !current.DisconnectRequested.IsCompleted)
                {
                    LogReconnecting(slot, current.Id);
                    await RetireAsync(current);
                    current = null;
                    failures++;
                    await Task.Delay(Backoff(failures), timeProvider, stoppingToken);
                    continue;
                }

                var reason = await current.DisconnectRequested;
                switch (reason)
                {
                    case "link_disabled" or "socket_mode_disabled":
                        LogSocketModeDisabled(slot);
                        await RetireAsync(current);
                        return;
                    case "too_many_websockets":
                        LogTooManySockets(slot);
                        await RetireAsync(current);
                        return;
                    default:
                        // refresh_requested, warning, or anything new: replacement first, then let the old one go.
                        var old = current;
                        current = await TryConnectAsync(slot, stoppingToken);
                        _retiring.Add(reason == "warning" ? RetireAfterGraceAsync(old, WarningGrace) : RetireAsync(old));
                        if (current is null)
                        {
                            if (_stopSlot)
                            {
                                return;
                            }

                            failures++;
                            await Task.Delay(Backoff(failures), timeProvider, stoppingToken);
                        }

                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<SocketModeConnection?> TryConnectAsync(int slot, CancellationToken stoppingToken)
    {
        var id = Interlocked.Increment(ref _nextConnectionId);
        var connection = new SocketModeConnection(id, OnEnvelopeAsync, OnAcknowledged, timeProvider, logger);
        try
        {
            var url = await api.OpenSocketConnectionAsync(stoppingToken);
            _open[id] = connection;
            await connection.ConnectAsync(url, stoppingToken);
            Interlocked.Increment(ref _helloCount);
            LogConnected(slot, id);
            return connection;
        }
        catch (SlackApiException ex) when (FatalOpenErrors.Contains(ex.Error))
        {
            LogFatalOpenError(ex.Error);
            _stopSlot = true;
        }
        catch (SlackApiException ex)
        {
            LogConnectFailed(slot, ex.Error);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or InvalidOperationException)
        {
            LogConnectFailed(slot, ex.Message);
        }

        _open.TryRemove(id, out _);
        await connection.DisposeAsync();
        return null;
    }

    private void OnAcknowledged(TimeSpan latency) => metrics?.Acknowledged("slack", latency);

    private async ValueTask<bool> OnEnvelopeAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        var kind = envelope.Type switch
        {
            "events_api" => SlackInboundKind.Event,
            "slash_commands" => SlackInboundKind.SlashCommand,
            "interactive" => SlackInboundKind.Interaction,
            _ => (SlackInboundKind?)null,
        };
        if (kind is null || envelope.Payload.ValueKind != JsonValueKind.Object)
        {
            LogIgnoredEnvelope(envelope.Type);
            return true;
        }

        var result = await intake.AcceptAsync(new SlackInbound(kind.Value, envelope.Payload, "socket"), envelope.EnvelopeId, cancellationToken, envelope.AckSent.Task);
        if (result == SlackIntakeResult.Duplicate)
        {
            LogDuplicate(envelope.Type, envelope.RetryAttempt);
        }

        return result != SlackIntakeResult.Refused;
    }

    private async Task RetireAsync(SocketModeConnection connection)
    {
        await connection.WaitForQuietAsync(QuietBeforeClose, CloseWait);
        await connection.CloseAsync(CloseWait);
        _open.TryRemove(connection.Id, out _);
        await connection.DisposeAsync();
    }

    /// <summary>After <c>warning</c> the old socket may still deliver for a few seconds: keep reading it until Slack closes it.</summary>
    private async Task RetireAfterGraceAsync(SocketModeConnection connection, TimeSpan grace)
    {
        await Task.WhenAny(connection.Closed, Task.Delay(grace, timeProvider));
        await RetireAsync(connection);
    }

    private static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures - 1, 5)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode slot {Slot}: connection {Connection} ready (hello received)")]
    private partial void LogConnected(int slot, int connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode slot {Slot}: could not connect ({Reason}); retrying with backoff")]
    private partial void LogConnectFailed(int slot, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode slot {Slot}: connection {Connection} ended without a disconnect message; reconnecting")]
    private partial void LogReconnecting(int slot, int connection);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode cannot start: apps.connections.open answered {Error}. Check Slack:AppToken (an xapp- token with connections:write).")]
    private partial void LogFatalOpenError(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode slot {Slot}: Slack reports Socket Mode is disabled for this app (link_disabled); not reconnecting")]
    private partial void LogSocketModeDisabled(int slot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode slot {Slot}: too many WebSockets for this app; closing this one")]
    private partial void LogTooManySockets(int slot);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored Socket Mode envelope of type {Type}")]
    private partial void LogIgnoredEnvelope(string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledged a duplicate {Type} delivery (retry_attempt {RetryAttempt}); not answering again")]
    private partial void LogDuplicate(string type, int retryAttempt);
}
