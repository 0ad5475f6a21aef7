namespace CoachBot.Testing.FakeSlack;

/// <summary>One Socket Mode WebSocket accepted by the fake (the server side).</summary>
public sealed class FakeSocketConnection(int id, string ticket, WebSocket socket, HttpContext http, long openedSequence)
    : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public int Id => id;

    public string Ticket => ticket;

    /// <summary>Order of the hello, comparable with other recorded sequences.</summary>
    public long OpenedSequence => openedSequence;

    /// <summary>Order of the close (by either side), or null while open.</summary>
    public long? ClosedSequence { get; internal set; }

    /// <summary>True when the client sent a close frame (a graceful close initiated by the client).</summary>
    public bool ClosedByClient { get; internal set; }

    public bool IsOpen => ClosedSequence is null && socket.State == WebSocketState.Open;

    /// <summary>
    /// When true, acks the client sends on this connection never reach Slack (a dying link): they are not recorded, so
    /// Slack treats those envelopes as unacknowledged and re-delivers events on another connection.
    /// </summary>
    public bool AcksLost { get; set; }

    internal WebSocket Socket => socket;

    internal Task SendAsync(JsonObject message, CancellationToken cancellationToken, Action? onSending = null) =>
        SendTextAsync(message.ToJsonString(), cancellationToken, onSending);

    internal async Task SendTextAsync(string text, CancellationToken cancellationToken, Action? onSending = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            // Recorded at the moment the frame goes out, so latencies exclude the fake's own send queue.
            onSending?.Invoke();
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the connection gracefully from the server side (close frame).</summary>
    public async Task CloseAsync()
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();

    /// <summary>Kills the TCP connection without a close handshake, like a network failure.</summary>
    public void Drop()
    {
        try
        {
            socket.Abort();
            if (ClosedSequence is null)
            {
                http.Abort();
            }
        }
        catch (ObjectDisposedException)
        {
            // Already finished: nothing left to drop.
        }
    }
}
