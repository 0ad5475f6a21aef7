namespace CoachBot.Testing.FakeOpenAi;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, random port) speaking OpenAI's chat-completions wire format:
/// <c>POST /v1/chat/completions</c> with a JSON body, answered with a <c>chat.completion</c> object (id, object, created,
/// model, choices[{index, message{role, content}, finish_reason}], usage). Requests are recorded; responses are scripted
/// per request (<see cref="Enqueue"/>) or by a default (<see cref="Responder"/>); an optional Bearer key is enforced.
/// A request with <c>"stream": true</c> is answered with server-sent events instead (see the Streaming part).
/// Point a client at <see cref="BaseUrl"/>.
/// </summary>
public sealed partial class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeChatResponse> _script = new();
    private readonly ConcurrentQueue<RecordedChatRequest> _requests = new();
    private readonly ConcurrentQueue<string> _redirected = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _received = new(0);
    private int _counter;
    private int _inFlight;
    private int _maxInFlight;

    private FakeOpenAiServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The OpenAI-compatible base URL, e.g. http://127.0.0.1:54321/v1.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>When set, requests without "Authorization: Bearer {key}" get a 401 error body.</summary>
    public string? RequiredApiKey { get; set; }

    /// <summary>What to answer when the script is empty; by default a short fixed text citing [P1].</summary>
    public Func<RecordedChatRequest, FakeChatResponse> Responder { get; set; } = _ => FakeChatResponse.Text("From the guide: see [P1].");

    public IReadOnlyList<RecordedChatRequest> Requests => _requests.ToArray();

    /// <summary>Chat requests arrived and not yet answered (still delayed or held, or being read).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most chat requests that were ever being answered at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Where <see cref="FakeChatResponse.Redirect"/> points (path on this server).</summary>
    public const string RedirectTarget = "/elsewhere/chat/completions";

    /// <summary>Requests that arrived at <see cref="RedirectTarget"/>, i.e. a client that followed a redirect ("METHOD path").</summary>
    public IReadOnlyList<string> RedirectedRequests => _redirected.ToArray();

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/chat/completions", server.HandleAsync);
        app.Map(RedirectTarget, async context =>
        {
            server._redirected.Enqueue(context.Request.Method + " " + context.Request.Path);
            await server.WriteCompletionAsync(context, "Followed the redirect [P1].", "fake-model");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Scripts the responses to the next requests, in order.</summary>
    public FakeOpenAiServer Enqueue(params FakeChatResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }

        return this;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived (a failure guard, not a sleep).</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (_requests.Count < count)
        {
            await _received.WaitAsync(cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
        _received.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); now > max; max = Volatile.Read(ref _maxInFlight))
        {
            Interlocked.CompareExchange(ref _maxInFlight, now, max);
        }

        try
        {
            await AnswerAsync(context);
        }
        finally
        {
            MarkAnswered(context);
        }
    }

    // Counted out before the answer is written: a client that sends its next request once it has an answer never
    // finds the previous one still counted.
    private void MarkAnswered(HttpContext context)
    {
        if (context.Items.TryAdd(typeof(FakeOpenAiServer), true))
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedChatRequest(context.Request.Path, context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, body);
        _requests.Enqueue(request);
        _received.Release();

        if (RequiredApiKey is not null && request.Authorization != "Bearer " + RequiredApiKey)
        {
            await WriteErrorAsync(context, HttpStatusCode.Unauthorized, "Incorrect API key provided.", "invalid_api_key");
            return;
        }

        string? model;
        try
        {
            model = request.Model;
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, HttpStatusCode.BadRequest, "We could not parse the JSON body of your request.", "invalid_request_error");
            return;
        }

        var response = _script.TryDequeue(out var scripted) ? scripted : Responder(request);
        await RespondAsync(context, response, model ?? "fake-model", request.Streamed);
    }

    private async Task RespondAsync(HttpContext context, FakeChatResponse response, string model, bool streamed)
    {
        if (response is not (FakeChatResponse.DelayedResponse or FakeChatResponse.HeldResponse))
        {
            MarkAnswered(context);
        }

        switch (response)
        {
            case FakeChatResponse.TextResponse text when streamed:
                await WriteStreamAsync(context, text.Content, model, breakAfterTokens: null);
                break;
            case FakeChatResponse.BreaksOffResponse breaks when streamed:
                await WriteStreamAsync(context, breaks.Content, model, breaks.AfterTokens);
                break;
            case FakeChatResponse.TextResponse text:
                await WriteCompletionAsync(context, text.Content, model);
                break;
            case FakeChatResponse.StatusResponse status:
                await WriteErrorAsync(context, status.StatusCode, status.Message, "server_error");
                break;
            case FakeChatResponse.MalformedResponse malformed:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(malformed.Body, context.RequestAborted);
                break;
            case FakeChatResponse.HangResponse:
                await HangAsync(context);
                break;
            case FakeChatResponse.TruncatedResponse or FakeChatResponse.BreaksOffResponse:
                await WritePartialCompletionAsync(context, response is FakeChatResponse.TruncatedResponse t ? t.Content : ((FakeChatResponse.BreaksOffResponse)response).Content, model);
                // Give the client time to take the headers and start on the body, so the cut lands in the body read.
                await Task.Delay(TimeSpan.FromMilliseconds(200), context.RequestAborted);
                context.Abort();
                break;
            case FakeChatResponse.StalledBodyResponse stalled:
                await WritePartialCompletionAsync(context, stalled.Content, model);
                await HangAsync(context);
                context.Abort();
                break;
            case FakeChatResponse.RedirectResponse:
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = RedirectTarget;
                break;
            case FakeChatResponse.HeldResponse held:
                await held.Release.WaitAsync(context.RequestAborted);
                await RespondAsync(context, held.Then, model, streamed);
                break;
            case FakeChatResponse.DelayedResponse delayed:
                await Task.Delay(delayed.Delay, context.RequestAborted);
                await RespondAsync(context, delayed.Then, model, streamed);
                break;
        }
    }

    private async Task HangAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the server is stopping: nothing (more) to send.
        }
    }

    // The headers announce the full completion; only its first half is sent (and flushed).
    private async Task WritePartialCompletionAsync(HttpContext context, string content, string model)
    {
        var body = Encoding.UTF8.GetBytes(CompletionJson(content, model));
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private async Task WriteCompletionAsync(HttpContext context, string content, string model)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(CompletionJson(content, model), context.RequestAborted);
    }

    private string CompletionJson(string content, string model)
    {
        var number = Interlocked.Increment(ref _counter);
        var completion = new
        {
            id = "chatcmpl-fake" + number.ToString(CultureInfo.InvariantCulture),
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model,
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new { role = "assistant", content, refusal = (string?)null },
                    logprobs = (object?)null,
                    finish_reason = "stop",
                },
            },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
            system_fingerprint = "fp_fake",
        };
        return JsonSerializer.Serialize(completion);
    }

    private static async Task WriteErrorAsync(HttpContext context, HttpStatusCode status, string message, string code)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        var error = new { error = new { message, type = code, param = (string?)null, code } };
        await context.Response.WriteAsync(JsonSerializer.Serialize(error), context.RequestAborted);
    }
}
