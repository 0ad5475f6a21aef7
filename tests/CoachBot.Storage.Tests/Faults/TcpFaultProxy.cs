using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoachBot.Storage.Tests.Faults;

/// <summary>
/// A TCP relay on 127.0.0.1 between the client (Npgsql) and the database server that can break connections the way a
/// server restart or a network fault does: reset every open connection (<see cref="DropAll"/>), refuse new ones for a
/// while (<see cref="Refusing"/>), or reset one connection at a chosen point of the conversation, recognised by text
/// the client sends (a SQL statement) and optionally text the server answers (<see cref="ArmDrop"/>).
/// Connections are reset (RST), not closed politely, on both sides.
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<int, Relay> _relays = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _accepted;
    private int _nextId;
    private DropPlan? _plan;

    private TcpFaultProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections the proxy accepted (refused ones included).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Connections currently relayed.</summary>
    public int Open => _relays.Count;

    /// <summary>While true, new connections are accepted and reset at once, as by a server that is down.</summary>
    public bool Refusing { get; set; }

    public static TcpFaultProxy Start(string host, int port)
    {
        var address = IPAddress.TryParse(host, out var ip) ? ip : Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        return new TcpFaultProxy(new IPEndPoint(address, port));
    }

    /// <summary>Resets every open connection on both sides; new connections are relayed as before.</summary>
    public int DropAll()
    {
        var dropped = 0;
        foreach (var relay in _relays.Values)
        {
            relay.Reset();
            dropped++;
        }

        return dropped;
    }

    /// <summary>
    /// The next time a client sends <paramref name="clientText"/>, that connection is reset: before the text reaches
    /// the server, or (with <paramref name="serverText"/>) after it was forwarded and the server's reply containing
    /// <paramref name="serverText"/> came back, which is then withheld from the client. Completes when it fired.
    /// </summary>
    public Task ArmDrop(string clientText, string? serverText = null)
    {
        var plan = new DropPlan(Encoding.ASCII.GetBytes(clientText), serverText is null ? null : Encoding.ASCII.GetBytes(serverText));
        Volatile.Write(ref _plan, plan);
        return plan.Fired.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        DropAll();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stopping.Token);
            Interlocked.Increment(ref _accepted);
            if (Refusing)
            {
                ResetSocket(client);
                continue;
            }

            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await server.ConnectAsync(_target, _stopping.Token);
            }
            catch (SocketException)
            {
                ResetSocket(client);
                server.Dispose();
                continue;
            }

            var relay = new Relay(this, Interlocked.Increment(ref _nextId), client, server);
            _relays[relay.Id] = relay;
            relay.Start();
        }
    }

    private static void ResetSocket(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    // Whether the text occurs in the window and ends past its first `seen` bytes (the previous read's tail, already
    // looked at), so text that went by before the drop was armed never triggers it.
    private static bool EndsInNewData(byte[] window, byte[] text, int seen)
    {
        for (var start = 0; start <= window.Length - text.Length; start++)
        {
            var found = window.AsSpan(start).IndexOf(text);
            if (found < 0)
            {
                return false;
            }

            if (start + found + text.Length > seen)
            {
                return true;
            }

            start += found;
        }

        return false;
    }

    private sealed class DropPlan(byte[] clientText, byte[]? serverText)
    {
        public byte[] ClientText { get; } = clientText;

        public byte[]? ServerText { get; } = serverText;

        public TaskCompletionSource Fired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Relay(TcpFaultProxy owner, int id, Socket client, Socket server)
    {
        private int _reset;
        private DropPlan? _awaitingServer;

        public int Id { get; } = id;

        public void Start()
        {
            _ = PumpAsync(client, server, fromClient: true);
            _ = PumpAsync(server, client, fromClient: false);
        }

        public void Reset()
        {
            if (Interlocked.Exchange(ref _reset, 1) == 1)
            {
                return;
            }

            owner._relays.TryRemove(Id, out _);
            ResetSocket(client);
            ResetSocket(server);
        }

        private async Task PumpAsync(Socket from, Socket to, bool fromClient)
        {
            var buffer = new byte[64 * 1024];
            // The end of the previous chunk, so a marker split over two reads is still seen.
            var tail = Array.Empty<byte>();
            try
            {
                while (true)
                {
                    var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                    if (read == 0)
                    {
                        break;
                    }

                    var window = tail.Concat(buffer.Take(read)).ToArray();
                    var seen = tail.Length;
                    tail = window[Math.Max(0, window.Length - 64)..];
                    if (fromClient && owner._plan is { } plan && EndsInNewData(window, plan.ClientText, seen)
                        && Interlocked.CompareExchange(ref owner._plan, null, plan) == plan)
                    {
                        if (plan.ServerText is null)
                        {
                            // Fired before the reset: the client sees the reset at once, and a test that then checks
                            // Fired must find it set (the other order raced on a loaded CI machine).
                            plan.Fired.TrySetResult();
                            Reset();
                            return;
                        }

                        _awaitingServer = plan;
                    }
                    else if (!fromClient && _awaitingServer is { } waiting && EndsInNewData(window, waiting.ServerText!, seen))
                    {
                        waiting.Fired.TrySetResult();
                        Reset();
                        return;
                    }

                    await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                }
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            Reset();
        }
    }
}
