namespace CoachBot.Testing.FakeDiscord;

public sealed partial class FakeDiscordServer
{
    private readonly ConcurrentDictionary<int, FakeGatewayConnection> _connections = new();
    private readonly ConcurrentDictionary<string, FakeGatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _sessionGates = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int?> _clientCloseCodes = new();
    private readonly ConcurrentQueue<string> _connectQueries = new();
    private FakeGatewaySession? _currentSession;
    private int _connectionCount;
    private int _identifyCount;
    private int _resumeCount;

    /// <summary>When false, heartbeats are not ACKed (the client should see a zombie connection, close ≠1000 and resume).</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>When set, every Identify is answered with this close code (e.g. 4004, 4014).</summary>
    public int? RejectIdentifyWithCloseCode { get; set; }

    /// <summary>
    /// When true, every Resume is answered with op 9 <c>false</c>, as Discord does once a session has expired: the client
    /// must identify again, and what was dispatched to the old session in the meantime is never delivered.
    /// </summary>
    public bool RejectResumes { get; set; }

    /// <summary>
    /// On Resume, also replay this many dispatches the client already acknowledged with its <c>seq</c> (at-least-once
    /// delivery): a correct client recognises them and handles none of them twice.
    /// </summary>
    public int ResumeReplaysAlreadySeen { get; set; }

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public int IdentifyCount => Volatile.Read(ref _identifyCount);

    public int ResumeCount => Volatile.Read(ref _resumeCount);

    public int OpenConnections => _connections.Values.Count(c => c.IsOpen);

    /// <summary>Close codes the client sent when it closed a connection (null when it just dropped it).</summary>
    public IReadOnlyList<int?> ClientCloseCodes => _clientCloseCodes.ToArray();

    /// <summary>The query strings the client connected with (expect <c>v=10&amp;encoding=json</c>).</summary>
    public IReadOnlyList<string> ConnectQueries => _connectQueries.ToArray();

    public string? CurrentSessionId => _currentSession?.Id;

    /// <summary>The sequence number of the last dispatch in the current session.</summary>
    public int LastSequence => _currentSession?.LastSeq ?? 0;

    /// <summary>Heartbeats received (op 1 payloads), in order.</summary>
    public IReadOnlyList<GatewayFrame> Heartbeats => GatewayFrames.Where(f => f.Op == 1).ToList();

    /// <summary>
    /// The shard ids (identified with <c>shard: [id, count]</c>, count &gt; 1) whose latest session has an open,
    /// authenticated connection.
    /// </summary>
    public IReadOnlyList<int> OpenShards =>
        _shardSessions.Where(s => s.Value.Connection is { IsOpen: true, Authenticated: true }).Select(s => s.Key).Order().ToList();

    /// <summary>Waits until a session is identified or resumed and its connection is open.</summary>
    public Task WaitForSessionAsync(TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _currentSession?.Connection is { IsOpen: true, Authenticated: true }, "an open gateway session", timeout);

    /// <summary>
    /// Sends a dispatch (op 0) with the next sequence number; buffered for replay if the client is away. When the client
    /// identified with several shards (<c>shard: [id, count]</c>, count &gt; 1), it goes to the session of the shard
    /// Discord would use: <c>(guild_id &gt;&gt; 22) % count</c>, or shard 0 for events without a guild (DMs).
    /// </summary>
    public Task DispatchAsync(string eventName, JsonNode? data) => DispatchToSessionAsync(eventName, data);

    private async Task<FakeGatewaySession> DispatchToSessionAsync(string eventName, JsonNode? data)
    {
        var session = SessionFor(eventName, data) ?? throw new InvalidOperationException("No gateway session yet: wait for the client to identify.");
        var gate = GateFor(session);
        await gate.WaitAsync();
        try
        {
            var json = session.Append(eventName, data);
            if (session.Connection is { } connection)
            {
                await connection.SendAsync(json);
            }
        }
        finally
        {
            gate.Release();
        }

        return session;
    }

    /// <summary>op 7: the client should close (not with 1000) and resume on resume_gateway_url.</summary>
    public Task SendReconnectAsync() => SendToCurrentAsync("""{"op":7,"d":null}""");

    /// <summary>op 9: resumable true → resume; false → identify again after 1–5 s.</summary>
    public Task SendInvalidSessionAsync(bool resumable) => SendToCurrentAsync(resumable ? """{"op":9,"d":true}""" : """{"op":9,"d":false}""");

    /// <summary>op 1 from the server: the client must heartbeat at once.</summary>
    public Task RequestHeartbeatAsync() => SendToCurrentAsync("""{"op":1,"d":null}""");

    /// <summary>Closes the current connection with a close code (4000 resumable, 4004 fatal, 4009 new session…).</summary>
    public async Task CloseGatewayAsync(int closeCode, string reason = "closed by fake")
    {
        var connection = _currentSession?.Connection ?? throw new InvalidOperationException("No connected session.");
        await connection.CloseAsync(closeCode, reason);
    }

    /// <summary>
    /// Drops the connection abruptly (no close frame). The given events are added to the session first but not sent, as
    /// if they were dispatched while the client was away; a correct client gets them on RESUME.
    /// </summary>
    public async Task DropGatewayAsync(params (string EventName, JsonNode Data)[] missedEvents)
    {
        ArgumentNullException.ThrowIfNull(missedEvents);
        var session = _currentSession ?? throw new InvalidOperationException("No gateway session yet.");
        var gate = GateFor(session);
        await gate.WaitAsync();
        try
        {
            var connection = session.Connection;
            session.Connection = null;
            foreach (var (eventName, data) in missedEvents)
            {
                session.Append(eventName, data);
            }

            connection?.Socket.Abort();
        }
        finally
        {
            gate.Release();
        }
    }

    private SemaphoreSlim GateFor(FakeGatewaySession session) => _sessionGates.GetOrAdd(session.Id, _ => new SemaphoreSlim(1, 1));

    private async Task SendToCurrentAsync(string json)
    {
        var connection = _currentSession?.Connection ?? _connections.Values.LastOrDefault(c => c.IsOpen)
            ?? throw new InvalidOperationException("No open gateway connection.");
        await connection.SendAsync(json);
    }

    private void MapGateway(WebApplication app)
    {
        app.Map("/gateway", context => HandleGatewayAsync(context, "/gateway"));
        app.Map("/resume", context => HandleGatewayAsync(context, "/resume"));
    }

    private async Task HandleGatewayAsync(HttpContext context, string path)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        _connectQueries.Enqueue(context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new FakeGatewayConnection(socket, Interlocked.Increment(ref _connectionCount), path);
        _connections[connection.Number] = connection;
        NotifyChanged();
        try
        {
            await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = Options.HeartbeatIntervalMs } }.ToJsonString());
            await ReceiveLoopAsync(connection);
        }
        finally
        {
            _connections.TryRemove(connection.Number, out _);
            if (connection.Session is { } session && ReferenceEquals(session.Connection, connection))
            {
                session.Connection = null;
            }

            NotifyChanged();
        }
    }

    private async Task ReceiveLoopAsync(FakeGatewayConnection connection)
    {
        var buffer = new byte[8192];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            try
            {
                do
                {
                    result = await connection.Socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _clientCloseCodes.Enqueue((int?)connection.Socket.CloseStatus);
                        await connection.CloseAsync((int?)connection.Socket.CloseStatus ?? 1000, "bye");
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
            }
            catch (WebSocketException)
            {
                _clientCloseCodes.Enqueue(null);
                return;
            }

            if (message.Length > 4096)
            {
                await connection.CloseAsync(4002, "Decode error: payload too large");
                return;
            }

            JsonNode payload;
            try
            {
                payload = JsonNode.Parse(message.ToArray())!;
            }
            catch (System.Text.Json.JsonException)
            {
                await connection.CloseAsync(4002, "Decode error");
                return;
            }

            var op = payload["op"]?.GetValue<int>() ?? -1;
            Record(new GatewayFrame(connection.Number, op, payload, connection.Path, DateTimeOffset.UtcNow));
            if (!connection.CountReceived(DateTimeOffset.UtcNow))
            {
                await connection.CloseAsync(4008, "Rate limited");
                return;
            }

            if (!await HandleClientPayloadAsync(connection, op, payload))
            {
                return;
            }
        }
    }

    /// <summary>Returns false when the fake closed the connection.</summary>
    private async Task<bool> HandleClientPayloadAsync(FakeGatewayConnection connection, int op, JsonNode payload)
    {
        switch (op)
        {
            case 1:
                if (AckHeartbeats)
                {
                    await connection.SendAsync("""{"op":11}""");
                }

                return true;
            case 2:
                return await IdentifyAsync(connection, payload["d"]);
            case 6:
                return await ResumeAsync(connection, payload["d"]);
            default:
                await connection.CloseAsync(connection.Authenticated ? 4001 : 4003, connection.Authenticated ? "Unknown opcode" : "Not authenticated");
                return false;
        }
    }

    private async Task<bool> IdentifyAsync(FakeGatewayConnection connection, JsonNode? data)
    {
        if (connection.Authenticated)
        {
            await connection.CloseAsync(4005, "Already authenticated");
            return false;
        }

        Interlocked.Increment(ref _identifyCount);
        NotifyChanged();
        var token = data?["token"]?.GetValue<string>();
        if (token != Options.Token)
        {
            await connection.CloseAsync(4004, "Authentication failed");
            return false;
        }

        if (RejectIdentifyWithCloseCode is { } code)
        {
            await connection.CloseAsync(code, "Rejected by fake");
            return false;
        }

        var (shard, invalidShard) = ReadShard(data);
        if (invalidShard is not null)
        {
            await connection.CloseAsync(4010, invalidShard);
            return false;
        }

        var session = new FakeGatewaySession(Guid.NewGuid().ToString("N"), token, shard);
        _sessions[session.Id] = session;
        var gate = GateFor(session);
        await gate.WaitAsync();
        try
        {
            connection.Authenticated = true;
            connection.Session = session;
            session.Connection = connection;
            _currentSession = session;
            TrackShard(session);
            var ready = new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = Options.BotUserId, ["username"] = "coachbot", ["discriminator"] = "0", ["bot"] = true },
                ["guilds"] = new JsonArray(),
                ["session_id"] = session.Id,
                ["resume_gateway_url"] = ResumeGatewayUrl,
                ["application"] = new JsonObject { ["id"] = Options.ApplicationId, ["flags"] = 0 },
            };
            if (shard is not null)
            {
                ready["shard"] = new JsonArray(shard.Select(s => (JsonNode)s).ToArray());
            }

            await connection.SendAsync(session.Append("READY", ready));
        }
        finally
        {
            gate.Release();
        }

        NotifyChanged();
        return true;
    }

    private async Task<bool> ResumeAsync(FakeGatewayConnection connection, JsonNode? data)
    {
        Interlocked.Increment(ref _resumeCount);
        NotifyChanged();
        var sessionId = data?["session_id"]?.GetValue<string>();
        var seq = data?["seq"]?.GetValue<int>() ?? -1;
        if (RejectResumes || sessionId is null || !_sessions.TryGetValue(sessionId, out var session) || data?["token"]?.GetValue<string>() != session.Token || seq > session.LastSeq)
        {
            await connection.SendAsync("""{"op":9,"d":false}""");
            return true;
        }

        var gate = GateFor(session);
        await gate.WaitAsync();
        try
        {
            connection.Authenticated = true;
            connection.Session = session;
            session.Connection = connection;
            _currentSession = session;
            TrackShard(session);
            List<string> replay;
            lock (session.Sync)
            {
                // Missed dispatches, preceded by the scripted overlap of ones the client already saw (never READY/RESUMED).
                var from = seq - Math.Max(0, ResumeReplaysAlreadySeen);
                replay = session.Log
                    .Where(e => e.Seq > seq || (e.Seq > from && e.EventName is not ("READY" or "RESUMED")))
                    .Select(e => e.Json)
                    .ToList();
            }

            foreach (var json in replay)
            {
                await connection.SendAsync(json);
            }

            await connection.SendAsync(session.Append("RESUMED", null));
        }
        finally
        {
            gate.Release();
        }

        NotifyChanged();
        return true;
    }
}
