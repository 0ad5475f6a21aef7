namespace CoachBot.Testing.FakeDiscord;

/// <summary>One accepted gateway WebSocket on the fake server side.</summary>
internal sealed class FakeGatewayConnection(WebSocket socket, int number, string path) : IDisposable
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Queue<DateTimeOffset> _received = new();

    public WebSocket Socket { get; } = socket;

    public int Number { get; } = number;

    public string Path { get; } = path;

    public bool Authenticated { get; set; }

    public FakeGatewaySession? Session { get; set; }

    public bool IsOpen => Socket.State == WebSocketState.Open;

    /// <summary>Counts a client payload; false when the client exceeded 120 sends in 60 s.</summary>
    public bool CountReceived(DateTimeOffset now)
    {
        while (_received.Count > 0 && _received.Peek() <= now.AddSeconds(-60))
        {
            _received.Dequeue();
        }

        _received.Enqueue(now);
        return _received.Count <= 120;
    }

    public async Task SendAsync(string json)
    {
        try
        {
            await _send.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                await Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // The client went away; the receive loop notices.
        }
        finally
        {
            ReleaseSend();
        }
    }

    public void Dispose() => _send.Dispose();

    // The connection can be torn down (and the lock disposed) while a long send is still running, e.g. when the client
    // closes in the middle of an oversized message: nothing is left to release then.
    private void ReleaseSend()
    {
        try
        {
            _send.Release();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async Task CloseAsync(int code, string reason)
    {
        try
        {
            await _send.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            ReleaseSend();
        }
    }
}
