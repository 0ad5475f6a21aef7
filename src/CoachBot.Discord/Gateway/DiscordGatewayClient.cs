using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using CoachBot.Core.Collections;
using CoachBot.Discord.Json;
using CoachBot.Discord.Models;
using Microsoft.Extensions.Logging;

namespace CoachBot.Discord.Gateway;

/// <summary>
/// One shard's connection to the Discord gateway (v10, JSON), following Discord's algorithm: Hello → heartbeats (first
/// one jittered, carrying the last sequence) → Identify or Resume → dispatches. Zombie connections (a heartbeat not
/// ACKed before the next one is due), op 7 and resumable closes lead to Resume on resume_gateway_url; op 9 false and
/// session-ending closes to a fresh Identify; fatal closes (4004, 4010–4014) stop this client with one clear log line.
/// Delivery is at least once on Discord's side, so every event is raised at most once here: a replayed dispatch whose
/// sequence number the session already passed is skipped, and so is a second INTERACTION_CREATE or MESSAGE_CREATE with
/// an id already handed on. Events are shaped like Discord.Net's <c>DiscordSocketClient</c>; handlers run on the
/// receive loop, so they must return quickly (the adapter hands work off and returns).
/// </summary>
public sealed partial class DiscordGatewayClient : IAsyncDisposable
{
    private const int MaxPayloadBytes = 4096;
    private const int RememberedEventIds = 4096;

    // Snowflakes never repeat, so the capacity is what bounds the memory; the day only clears a quiet shard's ids.
    private static readonly TimeSpan RememberEventIdsFor = TimeSpan.FromDays(1);
    private static readonly JsonSerializerOptions SendJson = new() { PropertyNamingPolicy = null };

    private readonly GatewayConnectionSettings _settings;
    private readonly IdentifyGate _identifyGate;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordGatewayClient> _logger;
    private readonly ExpiringKeySet _handedOn;
    private CancellationTokenSource? _stopping;
    private Task? _run;
    private int? _sequence;
    private string? _sessionId;
    private bool _ready;
    private string? _resumeUrl;

    public DiscordGatewayClient(GatewayConnectionSettings settings, IdentifyGate identifyGate, TimeProvider time, ILogger<DiscordGatewayClient> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _identifyGate = identifyGate;
        _time = time;
        _logger = logger;
        _handedOn = new ExpiringKeySet(time, RememberEventIdsFor, RememberedEventIds);
    }

    public event Func<ReadyEvent, Task>? Ready;

    public event Func<DiscordMessage, Task>? MessageReceived;

    public event Func<DiscordInteraction, Task>? InteractionCreated;

    public event Func<DiscordChannel, Task>? ThreadCreated;

    public event Func<DiscordGuild, Task>? GuildAvailable;

    public int ShardId => _settings.ShardId;

    public DiscordUser? CurrentUser { get; private set; }

    public string? ApplicationId { get; private set; }

    public string? SessionId => _sessionId;

    /// <summary>Time between the last heartbeat and its ACK.</summary>
    public TimeSpan? Latency { get; private set; }

    /// <summary>True while a session is live: from READY or RESUMED until that connection ends.</summary>
    public bool IsReady => Volatile.Read(ref _ready);

    /// <summary>Set when a fatal close stopped the client (e.g. 4004).</summary>
    public int? FatalCloseCode { get; private set; }

    /// <summary>Completes when the client stops: on <see cref="StopAsync"/> or a fatal close.</summary>
    public Task Completion => _run ?? Task.CompletedTask;

    private bool CanResume => _sessionId is not null && _resumeUrl is not null && _sequence is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_run is not null)
        {
            throw new InvalidOperationException("The gateway client is already started.");
        }

        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _run = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_stopping is null || _run is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping?.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var resume = CanResume;
            var url = resume ? _resumeUrl! : _settings.GatewayUrl;
            ConnectionEnd end;
            try
            {
                end = await RunConnectionAsync(url, resume, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Whatever breaks one connection (network, protocol, a bug) must lead to a reconnect, never end the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogConnectionFailed(ShardId, ex.GetType().Name, ex.Message);
                end = new ConnectionEnd(GatewayCloseAction.Resume, null, false, ex);
            }
            finally
            {
                Volatile.Write(ref _ready, false);
            }

            if (end.Action == GatewayCloseAction.Stopped || ct.IsCancellationRequested)
            {
                break;
            }

            if (end.Action == GatewayCloseAction.Fatal)
            {
                FatalCloseCode = end.CloseCode;
                var explanation = GatewayCloseCodes.Explain(end.CloseCode);
                LogFatal(ShardId, end.CloseCode ?? 0, explanation);
                return;
            }

            failures = end.WasEstablished ? 0 : failures + 1;
            var delay = Backoff(failures);
            if (end.Action == GatewayCloseAction.NewSession || (resume && failures >= 3))
            {
                // A session that can't be resumed (or won't after several tries) is replaced by a fresh Identify.
                if (_sessionId is not null)
                {
                    LogSessionAbandoned(ShardId);
                }

                ClearSession();
                delay += RandomBetween(_settings.InvalidSessionMinDelay, _settings.InvalidSessionMaxDelay);
            }

            var mode = CanResume ? "resume" : "identify";
            LogReconnecting(ShardId, mode, end.CloseCode ?? 0, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LogStopped(ShardId);
    }

    private async Task<ConnectionEnd> RunConnectionAsync(string url, bool resume, CancellationToken ct)
    {
        using var connection = new GatewayConnection(new ClientWebSocket(), _time);
        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            connectTimeout.CancelAfter(_settings.ConnectTimeout);
            await connection.Socket.ConnectAsync(BuildUri(url), connectTimeout.Token);
        }

        LogConnected(ShardId, resume ? "resume" : "identify");
        Task heartbeat = Task.CompletedTask;
        try
        {
            var hello = await ReceiveAsync(connection, connectionCts.Token);
            if (hello is null)
            {
                return Closed(connection);
            }

            if (hello.Op == GatewayOpCode.Reconnect)
            {
                return new ConnectionEnd(GatewayCloseAction.Resume, null, false, null);
            }

            if (hello.Op != GatewayOpCode.Hello)
            {
                throw new InvalidOperationException($"Expected Hello (op 10) first, got op {(int)hello.Op}.");
            }

            var interval = TimeSpan.FromMilliseconds(hello.Data.GetProperty("heartbeat_interval").GetDouble());
            heartbeat = HeartbeatLoopAsync(connection, interval, connectionCts);

            if (resume)
            {
                await SendAsync(connection, new { op = (int)GatewayOpCode.Resume, d = new { token = _settings.Token, session_id = _sessionId, seq = _sequence } }, false, connectionCts.Token);
            }
            else
            {
                await _identifyGate.WaitTurnAsync(ShardId, connectionCts.Token);
                // A new session numbers its dispatches from 1 again.
                _sequence = null;
                await SendAsync(connection, IdentifyPayload(), false, connectionCts.Token);
            }

            while (true)
            {
                var payload = await ReceiveAsync(connection, connectionCts.Token);
                if (payload is null)
                {
                    return connection.Zombie ? Zombie(connection) : Closed(connection);
                }

                var end = await HandleAsync(connection, payload, connectionCts.Token);
                if (end is not null)
                {
                    await CloseAsync(connection, (WebSocketCloseStatus)GatewayCloseCodes.UnknownError, "reconnecting");
                    return end;
                }
            }
        }
        catch (Exception ex) when (connection.Zombie && !ct.IsCancellationRequested && ex is OperationCanceledException or WebSocketException)
        {
            return Zombie(connection);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: a normal close ends the session, which is what we want when the bot stops.
            await CloseAsync(connection, WebSocketCloseStatus.NormalClosure, "shutting down");
            return new ConnectionEnd(GatewayCloseAction.Stopped, null, connection.Established, null);
        }
        catch (GatewayFrameTooLargeException ex)
        {
            // Resumed, but counted as a failure: if the resume replays the same message, the backoff grows and after a
            // few tries a fresh session (which replays nothing) replaces it.
            return new ConnectionEnd(GatewayCloseAction.Resume, (int)WebSocketCloseStatus.MessageTooBig, false, ex);
        }
        catch (WebSocketException ex)
        {
            return new ConnectionEnd(GatewayCloseAction.Resume, null, connection.Established, ex);
        }
        finally
        {
            await connectionCts.CancelAsync();
            try
            {
                await heartbeat;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task<ConnectionEnd?> HandleAsync(GatewayConnection connection, GatewayPayload payload, CancellationToken ct)
    {
        switch (payload.Op)
        {
            case GatewayOpCode.Dispatch:
                if (payload.Sequence is { } seq)
                {
                    if (_sequence is { } last && seq <= last)
                    {
                        // A resume replayed something this session already handed on; the sequence never moves back.
                        LogReplaySkipped(ShardId, payload.EventName ?? "?", seq);
                        return null;
                    }

                    _sequence = seq;
                }

                await DispatchAsync(connection, payload);
                return null;
            case GatewayOpCode.Heartbeat:
                await SendHeartbeatAsync(connection, requested: true, ct);
                return null;
            case GatewayOpCode.HeartbeatAck:
                connection.AckReceived = true;
                Latency = _time.GetElapsedTime(Interlocked.Read(ref connection.LastHeartbeatSentTicks));
                return null;
            case GatewayOpCode.Reconnect:
                LogServerRequested(ShardId, "reconnect (op 7)");
                return new ConnectionEnd(GatewayCloseAction.Resume, null, connection.Established, null);
            case GatewayOpCode.InvalidSession:
                var resumable = payload.Data.ValueKind == JsonValueKind.True;
                LogServerRequested(ShardId, resumable ? "invalid session, resumable (op 9 true)" : "invalid session (op 9 false)");
                return new ConnectionEnd(resumable ? GatewayCloseAction.Resume : GatewayCloseAction.NewSession, null, false, null);
            default:
                return null;
        }
    }

    private async Task DispatchAsync(GatewayConnection connection, GatewayPayload payload)
    {
        try
        {
            switch (payload.EventName)
            {
                case "READY":
                    var ready = payload.Data.Deserialize<ReadyEvent>(DiscordJson.Options)!;
                    _sessionId = ready.SessionId;
                    _resumeUrl = string.IsNullOrEmpty(ready.ResumeGatewayUrl) ? _settings.GatewayUrl : ready.ResumeGatewayUrl;
                    CurrentUser = ready.User;
                    ApplicationId = ready.Application?.Id ?? ApplicationId;
                    connection.Established = true;
                    Volatile.Write(ref _ready, true);
                    LogReady(ShardId, ready.User.Id);
                    await RaiseAsync(Ready, ready, "Ready");
                    break;
                case "RESUMED":
                    connection.Established = true;
                    Volatile.Write(ref _ready, true);
                    LogResumed(ShardId, _sequence ?? 0);
                    break;
                case "MESSAGE_CREATE" or "INTERACTION_CREATE" or "THREAD_CREATE" or "GUILD_CREATE" when DispatchShape.ProblemWith(payload.Data) is { } problem:
                    LogBadEvent(ShardId, payload.EventName, problem);
                    break;
                case "MESSAGE_CREATE":
                    var message = payload.Data.Deserialize<DiscordMessage>(DiscordJson.Options)!;
                    if (DispatchShape.ProblemWith(message) is { } messageProblem)
                    {
                        LogBadEvent(ShardId, payload.EventName, messageProblem);
                    }
                    else if (FirstDelivery("message", message.Id, payload))
                    {
                        await RaiseAsync(MessageReceived, message, "MessageReceived");
                    }

                    break;
                case "INTERACTION_CREATE":
                    var interaction = payload.Data.Deserialize<DiscordInteraction>(DiscordJson.Options)!;
                    if (DispatchShape.ProblemWith(interaction) is { } interactionProblem)
                    {
                        LogBadEvent(ShardId, payload.EventName, interactionProblem);
                    }
                    else if (FirstDelivery("interaction", interaction.Id, payload))
                    {
                        await RaiseAsync(InteractionCreated, interaction, "InteractionCreated");
                    }

                    break;
                case "THREAD_CREATE":
                    var thread = payload.Data.Deserialize<DiscordChannel>(DiscordJson.Options)!;
                    if (DispatchShape.ProblemWith(thread) is { } threadProblem)
                    {
                        LogBadEvent(ShardId, payload.EventName, threadProblem);
                    }
                    else
                    {
                        await RaiseAsync(ThreadCreated, thread, "ThreadCreated");
                    }

                    break;
                case "GUILD_CREATE":
                    var guild = payload.Data.Deserialize<DiscordGuild>(DiscordJson.Options)!;
                    if (DispatchShape.ProblemWith(guild) is { } guildProblem)
                    {
                        LogBadEvent(ShardId, payload.EventName, guildProblem);
                    }
                    else
                    {
                        await RaiseAsync(GuildAvailable, guild, "GuildAvailable");
                    }

                    break;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            LogBadEvent(ShardId, payload.EventName ?? "?", ex.Message);
        }
    }

    private bool FirstDelivery(string kind, string id, GatewayPayload payload)
    {
        // An event without an id cannot be recognised as a copy, so it is always handed on.
        if (string.IsNullOrEmpty(id) || _handedOn.TryAdd(kind + ":" + id))
        {
            return true;
        }

        LogDuplicateSkipped(ShardId, payload.EventName ?? "?", payload.Sequence ?? 0);
        return false;
    }

    private async Task HeartbeatLoopAsync(GatewayConnection connection, TimeSpan interval, CancellationTokenSource connectionCts)
    {
        var ct = connectionCts.Token;
        await Task.Delay(interval * Random.Shared.NextDouble(), _time, ct);
        while (!ct.IsCancellationRequested)
        {
            if (!connection.AckReceived)
            {
                // Zombie: close with a non-1000 code (1000/1001 would end the session) so we can resume.
                connection.Zombie = true;
                await CloseAsync(connection, (WebSocketCloseStatus)GatewayCloseCodes.UnknownError, "zombie connection");
                await connectionCts.CancelAsync();
                return;
            }

            try
            {
                await SendHeartbeatAsync(connection, requested: false, ct);
            }
            catch (WebSocketException)
            {
                // The receive loop sees the broken socket and ends the connection; keep the ACK logic untouched.
            }

            await Task.Delay(interval, _time, ct);
        }
    }

    private async Task SendHeartbeatAsync(GatewayConnection connection, bool requested, CancellationToken ct)
    {
        if (!requested)
        {
            connection.AckReceived = false;
        }

        Interlocked.Exchange(ref connection.LastHeartbeatSentTicks, _time.GetTimestamp());
        await SendAsync(connection, new { op = (int)GatewayOpCode.Heartbeat, d = _sequence }, true, ct);
    }

    private object IdentifyPayload() => new
    {
        op = (int)GatewayOpCode.Identify,
        d = new
        {
            token = _settings.Token,
            intents = _settings.Intents,
            properties = new { os = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), browser = "coachbot", device = "coachbot" },
            shard = new[] { _settings.ShardId, _settings.ShardCount },
            large_threshold = 50,
            compress = false,
        },
    };

    private static async Task SendAsync(GatewayConnection connection, object payload, bool heartbeat, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, SendJson);
        if (bytes.Length > MaxPayloadBytes)
        {
            // Discord would close the connection with 4002; refuse locally instead.
            throw new InvalidOperationException($"A gateway payload of {bytes.Length} bytes exceeds Discord's {MaxPayloadBytes}-byte limit.");
        }

        await connection.SendLimiter.WaitAsync(heartbeat, ct);
        await connection.SendLock.WaitAsync(ct);
        try
        {
            await connection.Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    /// <summary>
    /// Reads the next whole message (frames assembled until EndOfMessage) that is a gateway payload; null when the server
    /// closed. A message that isn't one is skipped with a warning: left to throw, it cost the connection, and a few in a
    /// row the session (and every event sent in the meantime).
    /// </summary>
    private async Task<GatewayPayload?> ReceiveAsync(GatewayConnection connection, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await connection.Socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                if (message.Length + result.Count > _settings.MaxFrameBytes)
                {
                    // Not buffered further: a peer (or a broken proxy) streaming without end would exhaust memory.
                    LogFrameTooLarge(ShardId, _settings.MaxFrameBytes);
                    await CloseAsync(connection, WebSocketCloseStatus.MessageTooBig, "message too big");
                    throw new GatewayFrameTooLargeException(_settings.MaxFrameBytes);
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (GatewayPayload.TryParse(message.GetBuffer().AsMemory(0, (int)message.Length), out var payload, out var problem))
                {
                    return payload;
                }

                LogUnreadableFrame(ShardId, problem ?? "unknown");
                message.SetLength(0);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ConnectionEnd Zombie(GatewayConnection connection)
    {
        LogZombie(ShardId);
        return new ConnectionEnd(GatewayCloseAction.Resume, GatewayCloseCodes.UnknownError, connection.Established, null);
    }

    private ConnectionEnd Closed(GatewayConnection connection)
    {
        var code = (int?)connection.Socket.CloseStatus;
        LogClosedByServer(ShardId, code ?? 0, connection.Socket.CloseStatusDescription ?? string.Empty);
        return new ConnectionEnd(GatewayCloseCodes.Classify(code), code, connection.Established, null);
    }

    private static async Task CloseAsync(GatewayConnection connection, WebSocketCloseStatus status, string reason)
    {
        try
        {
            if (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await connection.Socket.CloseOutputAsync(status, reason, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is going away either way.
        }
        finally
        {
            connection.Socket.Abort();
        }
    }

    private void ClearSession()
    {
        _sessionId = null;
        _resumeUrl = null;
        _sequence = null;
    }

    private TimeSpan Backoff(int failures)
    {
        if (failures == 0)
        {
            return RandomBetween(TimeSpan.Zero, _settings.ReconnectBaseDelay);
        }

        var max = Math.Min(_settings.ReconnectMaxDelay.TotalMilliseconds, _settings.ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 16)));
        return TimeSpan.FromMilliseconds(max * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private static TimeSpan RandomBetween(TimeSpan min, TimeSpan max) =>
        min + ((max - min) * Random.Shared.NextDouble());

    private static Uri BuildUri(string url)
    {
        var builder = new UriBuilder(url.TrimEnd('/') + "/") { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    private async Task RaiseAsync<T>(Func<T, Task>? handlers, T argument, string name)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<T, Task>>())
        {
            try
            {
                await handler(argument);
            }
#pragma warning disable CA1031 // A faulty event handler must not take the gateway connection down.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(ex, name, ShardId);
            }
        }
    }

    private sealed record ConnectionEnd(GatewayCloseAction Action, int? CloseCode, bool WasEstablished, Exception? Error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway shard {ShardId}: connected, sending {Mode}")]
    private partial void LogConnected(int shardId, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway shard {ShardId}: READY as user {UserId}")]
    private partial void LogReady(int shardId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway shard {ShardId}: RESUMED at sequence {Sequence}")]
    private partial void LogResumed(int shardId, int sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway shard {ShardId}: heartbeat not acknowledged, closing the zombie connection to resume")]
    private partial void LogZombie(int shardId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway shard {ShardId}: server asked for {Request}")]
    private partial void LogServerRequested(int shardId, string request);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway shard {ShardId}: closed by Discord with {CloseCode} {Reason}")]
    private partial void LogClosedByServer(int shardId, int closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway shard {ShardId}: connection failed ({ErrorType}: {Reason})")]
    private partial void LogConnectionFailed(int shardId, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway shard {ShardId}: reconnecting to {Mode} (close code {CloseCode}) in {DelayMs} ms")]
    private partial void LogReconnecting(int shardId, string mode, int closeCode, long delayMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway shard {ShardId} stopped for good: close code {CloseCode}, {Explanation}. The Discord adapter is off; the rest of CoachBot keeps running.")]
    private partial void LogFatal(int shardId, int closeCode, string explanation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway shard {ShardId}: the session could not be resumed; identifying again. Events Discord dispatched while the bot was away are not replayed into a new session, so interactions and messages from that gap go unanswered")]
    private partial void LogSessionAbandoned(int shardId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord gateway shard {ShardId}: skipped replayed {EventName} (sequence {Sequence} already handled)")]
    private partial void LogReplaySkipped(int shardId, string eventName, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway shard {ShardId}: skipped a second copy of {EventName} (sequence {Sequence}); it was already handed on")]
    private partial void LogDuplicateSkipped(int shardId, string eventName, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway shard {ShardId}: stopped")]
    private partial void LogStopped(int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway shard {ShardId}: a message passed {MaxBytes} bytes; closing the connection (1009) to resume")]
    private partial void LogFrameTooLarge(int shardId, int maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway shard {ShardId}: skipped a frame that is not a gateway payload ({Reason})")]
    private partial void LogUnreadableFrame(int shardId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway shard {ShardId}: ignored a malformed {EventName} event: {Reason}")]
    private partial void LogBadEvent(int shardId, string eventName, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord gateway {EventName} handler failed on shard {ShardId}")]
    private partial void LogHandlerFailed(Exception exception, string eventName, int shardId);
}
