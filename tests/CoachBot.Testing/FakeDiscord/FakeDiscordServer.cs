namespace CoachBot.Testing.FakeDiscord;

/// <summary>
/// A protocol-faithful Discord on 127.0.0.1 (random port): the v10 REST routes the adapter uses and a WebSocket
/// gateway (Hello, heartbeat ACKs, READY with a resume_gateway_url pointing back here, sequenced dispatches replayed
/// on RESUME, op 7, op 9, close codes on demand). It records every request and gateway payload for assertions and
/// can script faults (no ACKs, 429s, fatal closes). No test-framework dependency, so a load tool can reuse it.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<GatewayFrame> _frames = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId = 900_000_000_000_000_000;

    private FakeDiscordServer(FakeDiscordOptions options)
    {
        Options = options;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.UseWebSockets();
        MapGateway(_app);
        MapRest(_app);
    }

    public FakeDiscordOptions Options { get; }

    /// <summary>http://127.0.0.1:port</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The REST base to configure as Discord:ApiBaseUrl.</summary>
    public string ApiBaseUrl => Address.ToString().TrimEnd('/') + "/api/v10";

    public string GatewayUrl => "ws://" + Address.Authority + "/gateway";

    public string ResumeGatewayUrl => "ws://" + Address.Authority + "/resume";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public IReadOnlyList<GatewayFrame> GatewayFrames => _frames.ToArray();

    /// <summary>
    /// Raised on the request's thread right after a REST request is recorded, so a load tool can follow answers as they
    /// arrive instead of re-reading <see cref="Requests"/>. Handlers must be quick and must not throw.
    /// </summary>
    public event Action<RecordedRequest>? RequestRecorded;

    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions? options = null)
    {
        var server = new FakeDiscordServer(options ?? new FakeDiscordOptions());
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address);
        return server;
    }

    /// <summary>Requests whose method matches and whose path contains <paramref name="pathContains"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathContains) =>
        Requests.Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever the fake records something.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string description, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var signal = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }

            try
            {
                await signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                if (condition())
                {
                    return;
                }

                throw new TimeoutException($"Fake Discord: timed out waiting for {description}. Last requests: {string.Join(", ", Requests.TakeLast(15))}");
            }
        }
    }

    /// <summary>Waits for a request matching <paramref name="predicate"/> and returns it.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate, string description, TimeSpan? timeout = null)
    {
        RecordedRequest? found = null;
        await WaitUntilAsync(() => (found = Requests.FirstOrDefault(predicate)) is not null, description, timeout);
        return found!;
    }

    /// <summary>A fresh snowflake-like id.</summary>
    public string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Socket.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void NotifyChanged()
    {
        var previous = Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }

    private void Record(RecordedRequest request)
    {
        _requests.Enqueue(request);
        RequestRecorded?.Invoke(request);
        NotifyChanged();
    }

    private void Record(GatewayFrame frame)
    {
        _frames.Enqueue(frame);
        NotifyChanged();
    }
}
