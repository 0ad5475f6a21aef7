using System.Net.WebSockets;

namespace CoachBot.Discord.Gateway;

/// <summary>State of one WebSocket connection: the socket, its send lock and limit, and the heartbeat ACK flag.</summary>
internal sealed class GatewayConnection(ClientWebSocket socket, TimeProvider time) : IDisposable
{
    public ClientWebSocket Socket { get; } = socket;

    /// <summary>ClientWebSocket allows one outstanding SendAsync: heartbeats race with identify/resume.</summary>
    public SemaphoreSlim SendLock { get; } = new(1, 1);

    public GatewaySendLimiter SendLimiter { get; } = new(time);

    public volatile bool AckReceived = true;

    public volatile bool Zombie;

    /// <summary>Got READY or RESUMED on this connection (resets the reconnect backoff).</summary>
    public volatile bool Established;

    public long LastHeartbeatSentTicks;

    public void Dispose()
    {
        SendLock.Dispose();
        Socket.Dispose();
    }
}
