using System.Diagnostics;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.WebUtilities;

namespace CoachBot.Testing.FakeSlack;

/// <summary>
/// A protocol-faithful Slack on 127.0.0.1 (random port) for tests and load tools: Web API methods (JSON and form bodies,
/// bearer checks, 429 rate-limit mode, Block Kit limit errors), Socket Mode (apps.connections.open with single-use
/// tickets, hello, scripted envelopes, recorded acks, re-delivery of unacked events, scripted disconnects and abrupt
/// drops) and response_url endpoints. Every recorded thing carries a global <c>Sequence</c> so tests can assert order
/// (e.g. "ack before answer") without clocks. No test framework dependency.
/// </summary>
public sealed partial class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeSlackOptions _options;
    private readonly object _lock = new();
    private readonly List<FakeSlackApiCall> _calls = [];
    private readonly ConcurrentDictionary<string, string> _channelTeams = new(StringComparer.Ordinal);
    private readonly List<FakeSocketAck> _acks = [];
    private readonly List<FakeSocketEnvelope> _envelopes = [];
    private readonly List<FakeResponsePost> _responsePosts = [];
    private readonly List<FakeSocketConnection> _connections = [];
    private readonly Dictionary<string, FakeSlackMessage> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _responseUrlUses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Remaining, int RetryAfterSeconds)> _rateLimits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _scriptedErrors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _userGroups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _redirects = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _otherRequests = new();
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;
    private int _connectionIds;
    private long _tsCounter;
    private readonly Random _spread = new(18);

    private FakeSlackServer(WebApplication app, FakeSlackOptions options)
    {
        _app = app;
        _options = options;
    }

    public FakeSlackOptions Options => _options;

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>What to put in Slack:ApiBaseUrl: http://127.0.0.1:port/api/</summary>
    public string ApiBaseUrl => new Uri(BaseUrl, "api/").ToString();

    /// <summary>When false, the fake stops re-delivering unacked events (tests of a single delivery).</summary>
    public bool RedeliverUnacked { get; set; } = true;

    /// <summary>
    /// When true, an envelope sent without a connection goes to one of the open connections at random, as Slack spreads
    /// an app's envelopes over all its open connections, whichever process holds them (seeded: a run's sequence of
    /// choices repeats). Default: the newest.
    /// </summary>
    public bool SpreadEnvelopes { get; set; }

    public static async Task<FakeSlackServer> StartAsync(FakeSlackOptions? options = null)
    {
        options ??= new FakeSlackOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeSlackServer(app, options);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.ServerPingInterval });
        app.MapPost("/api/{method}", (HttpContext http, string method) => server.HandleApiAsync(http, method));
        app.Map("/link", server.HandleSocketAsync);
        app.MapPost("/response/{id}", (HttpContext http, string id) => server.HandleResponseUrlAsync(http, id));
        app.MapPost("/upload/v1/{id}", (HttpContext http, string id) => server.HandleUploadAsync(http, id));
        // Anything else (an /internal/admin a response_url points at, a redirect target): recorded, answered 200.
        app.MapFallback(async (HttpContext http) =>
        {
            server._otherRequests.Enqueue(http.Request.Method + " " + http.Request.Path);
            server.Pulse();
            await http.Response.WriteAsync("{\"ok\":true}");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    // ---------------------------------------------------------------- recorded state

    public IReadOnlyList<FakeSlackApiCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<FakeSocketAck> Acks
    {
        get
        {
            lock (_lock)
            {
                return [.. _acks];
            }
        }
    }

    public IReadOnlyList<FakeSocketEnvelope> Envelopes
    {
        get
        {
            lock (_lock)
            {
                return [.. _envelopes];
            }
        }
    }

    public IReadOnlyList<FakeResponsePost> ResponsePosts
    {
        get
        {
            lock (_lock)
            {
                return [.. _responsePosts];
            }
        }
    }

    public IReadOnlyList<FakeSocketConnection> Connections
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections];
            }
        }
    }

    public IReadOnlyList<FakeSlackMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages.Values];
            }
        }
    }

    /// <summary>Successful calls of one Web API method, in order.</summary>
    public IReadOnlyList<FakeSlackApiCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    // ---------------------------------------------------------------- scripting

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> get 429 with Retry-After.</summary>
    public void RateLimit(string method, int times, int retryAfterSeconds) => _rateLimits[method] = (times, retryAfterSeconds);

    /// <summary>The next call of <paramref name="method"/> answers <c>{"ok":false,"error":error}</c>.</summary>
    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> get a 302 to <see cref="RedirectTarget"/>.</summary>
    public void RedirectNext(string method, int times = 1) => _redirects[method] = times;

    /// <summary>Where <see cref="RedirectNext"/> points; a request there lands in <see cref="OtherRequests"/>.</summary>
    public const string RedirectTarget = "/internal/redirected";

    /// <summary>Requests to any path the fake does not serve as Slack ("METHOD /path"): what a response_url or redirect reached.</summary>
    public IReadOnlyList<string> OtherRequests => [.. _otherRequests];

    public void FailNext(string method, string error) => _scriptedErrors.GetOrAdd(method, _ => new ConcurrentQueue<string>()).Enqueue(error);

    /// <summary>Makes channel <paramref name="channelId"/> known to conversations.info, in workspace <paramref name="teamId"/> (default: the fake's own team).</summary>
    public void AddChannel(string channelId, string? teamId = null) => _channelTeams[channelId] = teamId ?? _options.TeamId;

    public void SetUserGroup(string userGroupId, params string[] members) => _userGroups[userGroupId] = members;

    /// <summary>A response_url pointing at this fake (accepts <see cref="FakeSlackOptions.ResponseUrlMaxUses"/> posts).</summary>
    public string CreateResponseUrl() => new Uri(BaseUrl, "response/" + Guid.NewGuid().ToString("N")).ToString();

    /// <summary>A new message ts, as Slack formats them.</summary>
    public string NextTs() => "1700000000." + Interlocked.Increment(ref _tsCounter).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Sends an envelope on the given connection (default: the newest open one, or a random one with
    /// <see cref="SpreadEnvelopes"/>). Returns the envelope id.
    /// </summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonObject payload, int retryAttempt = 0, FakeSocketConnection? connection = null, string? envelopeId = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        connection ??= (SpreadEnvelopes ? RandomOpenConnection() : NewestOpenConnection()) ?? throw new InvalidOperationException("No open Socket Mode connection.");
        envelopeId ??= Guid.NewGuid().ToString();
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["accepts_response_payload"] = type != "events_api",
            ["payload"] = payload.DeepClone(),
        };
        if (type == "events_api")
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = retryAttempt == 0 ? string.Empty : "timeout";
        }

        await connection.SendAsync(envelope, _stopping.Token,
            () => Record(_envelopes, seq => new FakeSocketEnvelope(envelopeId, type, payload, retryAttempt, connection.Id, seq, Stopwatch.GetTimestamp())));
        if (type == "events_api")
        {
            _ = RedeliverIfUnackedAsync(envelopeId, type, payload, retryAttempt);
        }

        return envelopeId;
    }

    /// <summary>
    /// Sends <paramref name="text"/> as one text frame, byte for byte, on the given connection (default: the newest open
    /// one): malformed frames, or envelopes holding JSON a serializer would not write (lone surrogate escapes). It is not
    /// recorded as an envelope and never re-delivered; the client's ack (if any) is recorded as usual.
    /// </summary>
    public Task SendRawFrameAsync(string text, FakeSocketConnection? connection = null)
    {
        connection ??= NewestOpenConnection() ?? throw new InvalidOperationException("No open Socket Mode connection.");
        return connection.SendTextAsync(text, _stopping.Token);
    }

    /// <summary>
    /// Re-sends, on the newest open connection, every envelope first delivered on <paramref name="from"/> that was never
    /// acknowledged (any type, <c>retry_attempt</c> + 1): what a client sees when Slack hands a dead link's deliveries to
    /// another socket. Returns the new envelope ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> RedeliverUnackedAsync(FakeSocketConnection from)
    {
        ArgumentNullException.ThrowIfNull(from);
        var acked = Acks.Select(a => a.EnvelopeId).ToHashSet(StringComparer.Ordinal);
        var unacked = Envelopes.Where(e => e.ConnectionId == from.Id && e.RetryAttempt == 0 && !acked.Contains(e.EnvelopeId)).ToList();
        var sent = new List<string>();
        foreach (var envelope in unacked)
        {
            sent.Add(await SendEnvelopeAsync(envelope.Type, envelope.Payload, envelope.RetryAttempt + 1));
        }

        return sent;
    }

    /// <summary>Sends <c>{"type":"disconnect","reason":…}</c> (refresh_requested, warning, link_disabled, too_many_websockets).</summary>
    public Task SendDisconnectAsync(string reason, FakeSocketConnection? connection = null)
    {
        connection ??= NewestOpenConnection() ?? throw new InvalidOperationException("No open Socket Mode connection.");
        return connection.SendAsync(new JsonObject
        {
            ["type"] = "disconnect",
            ["reason"] = reason,
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake" },
        }, _stopping.Token);
    }

    public FakeSocketConnection? NewestOpenConnection()
    {
        lock (_lock)
        {
            return _connections.LastOrDefault(c => c.IsOpen);
        }
    }

    /// <summary>One of the open connections, picked at random (seeded).</summary>
    public FakeSocketConnection? RandomOpenConnection()
    {
        lock (_lock)
        {
            var open = _connections.Where(c => c.IsOpen).ToList();
            return open.Count == 0 ? null : open[_spread.Next(open.Count)];
        }
    }

    // ---------------------------------------------------------------- waiting

    /// <summary>Waits until <paramref name="probe"/> returns non-null (re-checked after every recorded change).</summary>
    public async Task<T> WaitForAsync<T>(Func<FakeSlackServer, T?> probe, TimeSpan? timeout = null, string? what = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var signal = Volatile.Read(ref _changed).Task;
            if (probe(this) is { } value)
            {
                return value;
            }

            try
            {
                await signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Fake Slack: timed out waiting for " + (what ?? "a condition") + ".");
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public Task WaitUntilAsync(Func<FakeSlackServer, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitForAsync(s => condition(s) ? this : null, timeout, what);
    }

    public Task<FakeSocketAck> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null) =>
        WaitForAsync(s => s.FindAck(envelopeId), timeout, "ack of " + envelopeId);

    /// <summary>Waits until every listed envelope has been acknowledged.</summary>
    public Task WaitForAcksAsync(IReadOnlyCollection<string> envelopeIds, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(envelopeIds);
        return WaitUntilAsync(s =>
        {
            lock (s._lock)
            {
                return s._acks.Count(a => envelopeIds.Contains(a.EnvelopeId)) >= envelopeIds.Count;
            }
        }, timeout, $"{envelopeIds.Count} acks");
    }

    private FakeSocketAck? FindAck(string envelopeId)
    {
        lock (_lock)
        {
            return _acks.Find(a => a.EnvelopeId == envelopeId);
        }
    }

    public Task<FakeSlackApiCall> WaitForCallAsync(string method, Func<FakeSlackApiCall, bool>? match = null, TimeSpan? timeout = null) =>
        WaitForAsync(s => s.Calls.FirstOrDefault(c => c.Method == method && (match?.Invoke(c) ?? true)), timeout, "a call to " + method);

    public Task<FakeResponsePost> WaitForResponsePostAsync(Func<FakeResponsePost, bool>? match = null, TimeSpan? timeout = null) =>
        WaitForAsync(s => s.ResponsePosts.FirstOrDefault(p => match?.Invoke(p) ?? true), timeout, "a response_url post");

    /// <summary>Waits for the n-th (1-based) connection to complete hello and returns it.</summary>
    public Task<FakeSocketConnection> WaitForConnectionAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitForAsync(s => s.Connections.Count >= count ? s.Connections[count - 1] : null, timeout, $"Socket Mode connection #{count}");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var connection in Connections)
        {
            connection.Drop();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var connection in Connections)
        {
            connection.Dispose();
        }

        _stopping.Dispose();
    }

    // ---------------------------------------------------------------- Web API

    private async Task HandleApiAsync(HttpContext http, string method)
    {
        var token = http.Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal)
            ? auth["Bearer ".Length..]
            : null;
        var body = await ReadBodyAsync(http.Request);
        if (_options.MethodDelays.TryGetValue(method, out var delay))
        {
            await Task.Delay(delay, _options.TimeProvider, http.RequestAborted);
        }

        if (TakeRateLimit(method) is { } limit)
        {
            RecordCall(method, token, body, "ratelimited", 429);
            http.Response.StatusCode = 429;
            http.Response.Headers.RetryAfter = limit.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteJsonAsync(http, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
            return;
        }

        if (_redirects.TryGetValue(method, out var redirects) && redirects > 0 && _redirects.TryUpdate(method, redirects - 1, redirects))
        {
            RecordCall(method, token, body, "redirected", 302);
            http.Response.StatusCode = 302;
            http.Response.Headers.Location = RedirectTarget;
            return;
        }

        JsonObject result;
        if (method == "apps.connections.open")
        {
            result = token is null ? Error("not_authed")
                : token.StartsWith("xoxb-", StringComparison.Ordinal) ? Error("not_allowed_token_type")
                : token != _options.AppToken ? Error("invalid_auth")
                : OpenConnectionTicket();
        }
        else if (token is null)
        {
            result = Error("not_authed");
        }
        else if (token != _options.BotToken)
        {
            result = Error("invalid_auth");
        }
        else if (_scriptedErrors.TryGetValue(method, out var errors) && errors.TryDequeue(out var scripted))
        {
            result = Error(scripted);
        }
        else if (AssistantThreadsMethod(method, body) is { } assistant)
        {
            result = assistant;
        }
        else if (StreamingMethod(method, body) is { } streaming)
        {
            result = streaming;
        }
        else if (FilesMethod(method, body) is { } files)
        {
            result = files;
        }
        else
        {
            result = method switch
            {
                "auth.test" => new JsonObject
                {
                    ["ok"] = true,
                    ["url"] = "https://fake.slack.com/",
                    ["team"] = "Fake Team",
                    ["user"] = "coachbot",
                    ["team_id"] = _options.TeamId,
                    ["user_id"] = _options.BotUserId,
                    ["bot_id"] = _options.BotId,
                },
                "chat.postMessage" => PostMessage(body, ephemeralUser: null),
                "chat.postEphemeral" => PostMessage(body, ephemeralUser: (string?)body["user"] ?? string.Empty),
                "chat.update" => UpdateMessage(body),
                "views.open" => body["trigger_id"] is null ? Error("invalid_arguments")
                    : body["view"] is not JsonObject view ? Error("invalid_arguments")
                    : (view["blocks"] as JsonArray)?.Count > 100 ? Error("invalid_blocks")
                    : new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() } },
                "conversations.info" => _channelTeams.TryGetValue((string?)body["channel"] ?? string.Empty, out var team)
                    ? new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = (string?)body["channel"], ["is_channel"] = true, ["context_team_id"] = team } }
                    : Error("channel_not_found"),
                "conversations.open" => OpenDirectMessage(body),
                "usergroups.users.list" => _userGroups.TryGetValue((string?)body["usergroup"] ?? string.Empty, out var members)
                    ? new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. members.Select(m => (JsonNode)m)]) }
                    : Error("no_such_subteam"),
                _ => Error("unknown_method"),
            };
        }

        RecordCall(method, token, body, result["ok"]?.GetValue<bool>() == true ? null : (string?)result["error"], 200);
        await WriteJsonAsync(http, result);
    }

    /// <summary>Consumes one scripted 429 of <paramref name="method"/>, atomically (concurrent calls each take their own).</summary>
    private (int Remaining, int RetryAfterSeconds)? TakeRateLimit(string method)
    {
        while (_rateLimits.TryGetValue(method, out var limit) && limit.Remaining > 0)
        {
            if (_rateLimits.TryUpdate(method, (limit.Remaining - 1, limit.RetryAfterSeconds), limit))
            {
                return limit;
            }
        }

        return null;
    }

    private JsonObject OpenConnectionTicket()
    {
        var ticket = Guid.NewGuid().ToString();
        _tickets[ticket] = false;
        var ws = new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/link/", Query = $"ticket={ticket}&app_id={_options.AppId}" };
        return new JsonObject { ["ok"] = true, ["url"] = ws.Uri.ToString() };
    }

    private JsonObject PostMessage(JsonObject body, string? ephemeralUser)
    {
        var channel = (string?)body["channel"];
        if (string.IsNullOrEmpty(channel))
        {
            return Error("channel_not_found");
        }

        var blocks = body["blocks"] as JsonArray;
        var text = (string?)body["text"];
        if ((FakeSlackBlocks.LimitError(blocks, text) ?? ImageBlockError(blocks)) is { } limitError)
        {
            return Error(limitError);
        }

        if (TakeProcessingRefusal(blocks) is { } processing)
        {
            return ProcessingError(processing);
        }

        var ts = NextTs();
        var message = new FakeSlackMessage(channel, ts, (string?)body["thread_ts"], text, (JsonArray?)blocks?.DeepClone() ?? [], ephemeralUser);
        lock (_lock)
        {
            _messages[channel + "/" + ts] = message;
        }

        return ephemeralUser is null
            ? new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["message"] = new JsonObject { ["text"] = text, ["ts"] = ts } }
            : new JsonObject { ["ok"] = true, ["message_ts"] = ts };
    }

    private JsonObject UpdateMessage(JsonObject body)
    {
        var channel = (string?)body["channel"] ?? string.Empty;
        var ts = (string?)body["ts"] ?? string.Empty;
        var blocks = body["blocks"] as JsonArray;
        var text = (string?)body["text"];
        if ((FakeSlackBlocks.LimitError(blocks, text) ?? ImageBlockError(blocks)) is { } limitError)
        {
            return Error(limitError);
        }

        if (TakeProcessingRefusal(blocks) is { } processing)
        {
            return ProcessingError(processing);
        }

        lock (_lock)
        {
            if (!_messages.TryGetValue(channel + "/" + ts, out var existing))
            {
                return Error("message_not_found");
            }

            // An update replaces the whole message, a finished stream's text included.
            _messages[channel + "/" + ts] = existing with { Text = text, Blocks = (JsonArray?)blocks?.DeepClone() ?? [], StreamedMarkdown = null };
        }

        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = text };
    }

    /// <summary>Seeds a message as if the bot had posted it (for button-click tests that need a source message).</summary>
    public FakeSlackMessage SeedMessage(string channel, string? threadTs = null, string text = "seeded")
    {
        var message = new FakeSlackMessage(channel, NextTs(), threadTs, text, [], null);
        lock (_lock)
        {
            _messages[channel + "/" + message.Ts] = message;
        }

        return message;
    }

    public FakeSlackMessage? FindMessage(string channel, string ts)
    {
        lock (_lock)
        {
            return _messages.GetValueOrDefault(channel + "/" + ts);
        }
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return JsonNode.Parse(raw) as JsonObject ?? [];
            }
            catch (JsonException)
            {
                return new JsonObject { ["__invalid_json"] = raw };
            }
        }

        var form = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(raw))
        {
            var text = value.ToString();
            if (key is "blocks" or "view" or "attachments")
            {
                try
                {
                    form[key] = JsonNode.Parse(text);
                    continue;
                }
                catch (JsonException)
                {
                }
            }

            form[key] = text;
        }

        return form;
    }

    private static Task WriteJsonAsync(HttpContext http, JsonObject body)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body.ToJsonString());
    }

    private void RecordCall(string method, string? token, JsonObject body, string? error, int status) =>
        Record(_calls, seq => new FakeSlackApiCall(method, token, body, error, status, seq, _options.TimeProvider.GetUtcNow(), Stopwatch.GetTimestamp()));

    // ---------------------------------------------------------------- Socket Mode

    private async Task HandleSocketAsync(HttpContext http)
    {
        var ticket = http.Request.Query["ticket"].ToString();
        if (!http.WebSockets.IsWebSocketRequest || string.IsNullOrEmpty(ticket) || !_tickets.TryUpdate(ticket, true, false))
        {
            // Unknown or already used ticket: Slack's URLs are single use.
            http.Response.StatusCode = 401;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        FakeSocketConnection connection = null!;
        var id = Interlocked.Increment(ref _connectionIds);
        await SendHelloAsync();
        await ReceiveAsync(connection);

        async Task SendHelloAsync()
        {
            Record(_connections, seq => connection = new FakeSocketConnection(id, ticket, socket, http, seq), pulse: false);
            await connection.SendAsync(new JsonObject
            {
                ["type"] = "hello",
                ["num_connections"] = Connections.Count(c => c.IsOpen),
                ["debug_info"] = new JsonObject { ["host"] = "applink-fake", ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
                ["connection_info"] = new JsonObject { ["app_id"] = _options.AppId },
            }, _stopping.Token);
            Pulse();
        }
    }

    private async Task ReceiveAsync(FakeSocketConnection connection)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                message.SetLength(0);
                WebSocketReceiveResult result;
                do
                {
                    result = await connection.Socket.ReceiveAsync(buffer, _stopping.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    connection.ClosedByClient = true;
                    await connection.CloseAsync();
                    break;
                }

                RecordAck(connection, message.ToArray());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
        }
        finally
        {
            lock (_lock)
            {
                connection.ClosedSequence = Interlocked.Increment(ref _sequence);
            }

            Pulse();
        }
    }

    private void RecordAck(FakeSocketConnection connection, byte[] frame)
    {
        JsonObject? ack;
        try
        {
            ack = JsonNode.Parse(frame) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }

        if ((string?)ack?["envelope_id"] is not { } envelopeId || connection.AcksLost)
        {
            return;
        }

        Record(_acks, seq => new FakeSocketAck(envelopeId, ack["payload"] as JsonObject, connection.Id, seq, _options.TimeProvider.GetUtcNow(), Stopwatch.GetTimestamp()));
    }

    private async Task RedeliverIfUnackedAsync(string envelopeId, string type, JsonObject payload, int retryAttempt)
    {
        try
        {
            await Task.Delay(_options.AckTimeout, _options.TimeProvider, _stopping.Token);
            if (!RedeliverUnacked || retryAttempt >= _options.MaxRedeliveries || Acks.Any(a => a.EnvelopeId == envelopeId))
            {
                return;
            }

            if (NewestOpenConnection() is { } connection)
            {
                await SendEnvelopeAsync(type, payload, retryAttempt + 1, connection);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or InvalidOperationException or ObjectDisposedException)
        {
        }
    }

    // ---------------------------------------------------------------- response_url

    private async Task HandleResponseUrlAsync(HttpContext http, string id)
    {
        var uses = _responseUrlUses.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (uses > _options.ResponseUrlMaxUses)
        {
            http.Response.StatusCode = 404;
            await http.Response.WriteAsync("used_url");
            return;
        }

        var body = await ReadBodyAsync(http.Request);
        if ((FakeSlackBlocks.LimitError(body["blocks"] as JsonArray, (string?)body["text"]) ?? ImageBlockError(body["blocks"] as JsonArray)) is { } error)
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync(error);
            return;
        }

        if (TakeProcessingRefusal(body["blocks"] as JsonArray) is not null)
        {
            http.Response.StatusCode = 404;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("{\"ok\":false,\"error\":\"invalid_blocks\"}");
            return;
        }

        Record(_responsePosts, seq => new FakeResponsePost(id, body, seq, _options.TimeProvider.GetUtcNow()));
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync("{\"ok\":true}");
    }

    // ---------------------------------------------------------------- bookkeeping

    private void Record<T>(List<T> list, Func<long, T> create, bool pulse = true)
    {
        lock (_lock)
        {
            list.Add(create(Interlocked.Increment(ref _sequence)));
        }

        if (pulse)
        {
            Pulse();
        }
    }

    private void Pulse()
    {
        var previous = Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }
}
