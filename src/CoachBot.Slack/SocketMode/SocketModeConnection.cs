using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: reads frames until the end of each message, answers <c>hello</c> and <c>disconnect</c>,
/// and acknowledges an envelope on this same socket once the envelope handler has accepted it (recorded it durably);
/// an envelope the handler refuses is left unacknowledged, so Slack delivers it again. Sends are serialised (one outstanding
/// SendAsync per socket, as ClientWebSocket requires).
/// </summary>
internal sealed partial class SocketModeConnection : IAsyncDisposable
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Func<SocketModeEnvelope, CancellationToken, ValueTask<bool>> _onEnvelope;
    private readonly Action<TimeSpan>? _onAcknowledged;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _life = new();
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Threading.Channels.Channel<PendingAck> _acks =
        System.Threading.Channels.Channel.CreateUnbounded<PendingAck>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
    private Task _receiveLoop = Task.CompletedTask;
    private Task _ackLoop = Task.CompletedTask;
    private int _disposed;
    private long _lastFrameTimestamp;
    private int _pendingAcks;

    public SocketModeConnection(
        int id, Func<SocketModeEnvelope, CancellationToken, ValueTask<bool>> onEnvelope, Action<TimeSpan>? onAcknowledged, TimeProvider timeProvider, ILogger logger)
    {
        Id = id;
        _onEnvelope = onEnvelope;
        _onAcknowledged = onAcknowledged;
        _timeProvider = timeProvider;
        _logger = logger;
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(20);
    }

    public int Id { get; }

    /// <summary>Completes with the reason when Slack sends <c>disconnect</c> (refresh_requested, warning, link_disabled, …).</summary>
    public Task<string> DisconnectRequested => _disconnect.Task;

    /// <summary>Completes when the socket stops receiving (closed by either side, or dropped).</summary>
    public Task Closed => _receiveLoop;

    /// <summary>Connects and waits for <c>hello</c>; throws when either fails.</summary>
    public async Task ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(url, cancellationToken);
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(_life.Token), CancellationToken.None);
        _ackLoop = Task.Run(() => AckLoopAsync(_life.Token), CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var helloOrTimeout = await Task.WhenAny(_hello.Task, Task.Delay(HelloTimeout, _timeProvider, timeout.Token), _receiveLoop);
        await timeout.CancelAsync();
        if (helloOrTimeout != _hello.Task)
        {
            throw new WebSocketException("Socket Mode connection closed or timed out before hello.");
        }
    }

    /// <summary>
    /// Waits until no frame has arrived for <paramref name="quiet"/> and every envelope read was recorded and acked (at
    /// most <paramref name="limit"/>), so envelopes
    /// Slack sent just before a refresh are still read and acknowledged on this socket: once our close frame is out,
    /// acks can't be sent on it and Slack would deliver them again elsewhere.
    /// </summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan limit)
    {
        var started = _timeProvider.GetTimestamp();
        while (_timeProvider.GetElapsedTime(started) < limit && !_receiveLoop.IsCompleted)
        {
            var sinceLast = _timeProvider.GetElapsedTime(Volatile.Read(ref _lastFrameTimestamp));
            if (sinceLast >= quiet && Volatile.Read(ref _pendingAcks) == 0)
            {
                return;
            }

            var wait = sinceLast >= quiet ? TimeSpan.FromMilliseconds(10) : quiet - sinceLast;
            await Task.WhenAny(_receiveLoop, Task.Delay(wait, _timeProvider));
        }
    }

    /// <summary>Sends our close frame; the receive loop ends when the server answers (or the socket drops).</summary>
    public async Task CloseAsync(TimeSpan wait)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        try
        {
            if (await _sendLock.WaitAsync(wait))
            {
                try
                {
                    if (_socket.State == WebSocketState.Open)
                    {
                        using var timeout = new CancellationTokenSource(wait);
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", timeout.Token);
                    }
                }
                finally
                {
                    _sendLock.Release();
                }
            }

            await Task.WhenAny(_receiveLoop, Task.Delay(wait, _timeProvider));
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogCloseFailed(Id, ex.Message);
        }
        finally
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                await _life.CancelAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _life.CancelAsync();
        _socket.Abort();
        try
        {
            await _receiveLoop;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        _acks.Writer.TryComplete();
        await _ackLoop;
        // Acks queued but never sent (the socket went away): their envelopes stay unacked and Slack delivers them
        // again; whoever waits on the ack is released.
        while (_acks.Reader.TryRead(out var unsent))
        {
            Interlocked.Decrement(ref _pendingAcks);
            unsent.Sent.TrySetResult();
        }

        _socket.Dispose();
        _sendLock.Dispose();
        _life.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    var memory = buffer.GetMemory(8 * 1024);
                    result = await _socket.ReceiveAsync(memory, cancellationToken);
                    Volatile.Write(ref _lastFrameTimestamp, _timeProvider.GetTimestamp());
                    buffer.Advance(result.Count);
                    if (buffer.WrittenCount > 4 * 1024 * 1024)
                    {
                        throw new WebSocketException("Socket Mode frame larger than 4 MB.");
                    }
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    LogServerClosed(Id, _socket.CloseStatus);
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    try
                    {
                        HandleMessage(buffer.WrittenMemory, cancellationToken);
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException && !cancellationToken.IsCancellationRequested)
                    {
                        // A frame with the wrong shape (a string that isn't valid UTF-16, a number where an integer belongs):
                        // skip it. Left to end the receive loop, it took the whole Socket Mode client down with the host.
                        LogMalformedFrame(Id, ex.GetType().Name);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (WebSocketException ex)
        {
            LogDropped(Id, ex.Message);
        }
    }

    private void HandleMessage(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var received = System.Diagnostics.Stopwatch.GetTimestamp();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            LogUnreadableFrame(Id);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case "hello":
                    _hello.TrySetResult();
                    return;
                case "disconnect":
                    var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() ?? "unknown" : "unknown";
                    LogDisconnectRequested(Id, reason);
                    _disconnect.TrySetResult(reason);
                    return;
            }

            var envelopeId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("envelope_id", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (string.IsNullOrEmpty(envelopeId))
            {
                return;
            }

            var retryAttempt = root.TryGetProperty("retry_attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number && attempt.TryGetInt32(out var attempts) ? attempts : 0;
            var payload = root.TryGetProperty("payload", out var p) ? p.Clone() : default;

            // Not awaited: the next frame is read while this one is recorded, so a burst's records share one commit.
            Interlocked.Increment(ref _pendingAcks);
            _ = AcceptAndAckAsync(new SocketModeEnvelope(envelopeId, type ?? string.Empty, payload, retryAttempt, Id), received, cancellationToken);
        }
    }

    /// <summary>
    /// Recorded durably first, then acked on this socket before any work: Slack wants the ack within 3 seconds
    /// whatever the LLM does, and an ack for something not recorded could be lost by a crash.
    /// </summary>
    private async Task AcceptAndAckAsync(SocketModeEnvelope envelope, long received, CancellationToken cancellationToken)
    {
        var queued = false;
        try
        {
            if (!await _onEnvelope(envelope, cancellationToken))
            {
                LogNotAcknowledged(Id);
                return;
            }

            queued = _acks.Writer.TryWrite(new PendingAck(envelope.EnvelopeId, received, envelope.AckSent));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
            // The connection was disposed while the envelope was being recorded: it stays unacked and Slack delivers it again.
        }
        finally
        {
            if (!queued)
            {
                Interlocked.Decrement(ref _pendingAcks);
                envelope.AckSent.TrySetResult();
            }
        }
    }

    /// <summary>
    /// The one sender of acks: it sends every ack queued meanwhile under one hold of the send lock, instead of each
    /// envelope waiting its turn for the lock through the thread pool (a 500-envelope burst made that a chain of 500
    /// hand-offs, about a second under load).
    /// </summary>
    private async Task AckLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _acks.Reader.WaitToReadAsync(cancellationToken))
            {
                await _sendLock.WaitAsync(cancellationToken);
                try
                {
                    while (_acks.Reader.TryRead(out var ack))
                    {
                        try
                        {
                            await SendAckAsync(ack.EnvelopeId, cancellationToken);
                        }
                        finally
                        {
                            ack.Sent.TrySetResult();
                        }

                        _onAcknowledged?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(ack.Received));
                        Interlocked.Decrement(ref _pendingAcks);
                    }
                }
                finally
                {
                    _sendLock.Release();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Sends one ack; the caller holds the send lock.</summary>
    private async Task SendAckAsync(string envelopeId, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["envelope_id"] = envelopeId });
        try
        {
            if (_socket.State != WebSocketState.Open)
            {
                LogAckSkipped(Id, _socket.State.ToString());
                return;
            }

            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (WebSocketException ex)
        {
            LogAckFailed(Id, ex.Message);
        }
    }

    private sealed record PendingAck(string EnvelopeId, long Received, TaskCompletionSource Sent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Connection}: Slack asked to disconnect ({Reason})")]
    private partial void LogDisconnectRequested(int connection, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Connection} closed by Slack ({Status})")]
    private partial void LogServerClosed(int connection, WebSocketCloseStatus? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection} dropped: {Reason}")]
    private partial void LogDropped(int connection, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection} received a frame that is not JSON")]
    private partial void LogUnreadableFrame(int connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection} skipped a malformed frame ({Error})")]
    private partial void LogMalformedFrame(int connection, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection} could not send an ack: {Reason}")]
    private partial void LogAckFailed(int connection, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Connection} is {State}; an envelope was left unacknowledged (Slack re-delivers events)")]
    private partial void LogAckSkipped(int connection, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Connection} left an envelope unacknowledged (not recorded); Slack delivers it again")]
    private partial void LogNotAcknowledged(int connection);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode connection {Connection} close failed: {Reason}")]
    private partial void LogCloseFailed(int connection, string reason);
}
