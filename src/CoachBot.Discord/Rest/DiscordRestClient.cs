using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoachBot.Core.Resilience;
using CoachBot.Discord.Json;
using CoachBot.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CoachBot.Discord.Rest;

/// <summary>
/// The Discord REST API (v10) as the adapter uses it. Every call goes through one path that adds the bot
/// authorization and User-Agent, honours per-bucket limits, 429s and the local global cap, retries a bounded number of
/// times, and logs failures by route template (never the token, never a path with an interaction token in it).
/// </summary>
public sealed partial class DiscordRestClient : IDisposable
{
    public const string HttpClientName = "CoachBot.Discord";

    private static readonly TimeSpan ServerErrorBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly Version AdapterVersion = typeof(DiscordRestClient).Assembly.GetName().Version ?? new Version(1, 0);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly RestRateLimiter _limiter;
    private readonly ResiliencePipeline<RestAttempt> _retry;
    private readonly string _baseUrl;
    private volatile bool _unauthorized;

    public DiscordRestClient(
        IHttpClientFactory httpClientFactory,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _limiter = new RestRateLimiter(_options.MaxRequestsPerSecond, time);
        _retry = RetryPipeline.Build(new RetryRules<RestAttempt> { MaxRetries = _options.MaxRetries, BaseDelay = ServerErrorBackoff, Decide = Decide }, time, logger);
        _baseUrl = _options.ApiBaseUrl.TrimEnd('/');
    }

    /// <summary>The User-Agent Discord requires: <c>DiscordBot (url, version)</c>.</summary>
    public string UserAgent => string.Create(
        CultureInfo.InvariantCulture,
        $"DiscordBot ({_options.UserAgentUrl}, {AdapterVersion.Major}.{AdapterVersion.Minor}) CoachBot");

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendRequiredAsync<GatewayBotInfo>(new RestRoute("GET", "/gateway/bot", string.Empty), "/gateway/bot", null, cancellationToken);

    public Task<DiscordApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        SendRequiredAsync<DiscordApplication>(new RestRoute("GET", "/applications/@me", string.Empty), "/applications/@me", null, cancellationToken);

    public Task BulkOverwriteGlobalCommandsAsync(string applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(
            new RestRoute("PUT", "/applications/{application.id}/commands", applicationId),
            $"/applications/{Esc(applicationId)}/commands",
            commands,
            cancellationToken);

    public Task BulkOverwriteGuildCommandsAsync(string applicationId, string guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(
            new RestRoute("PUT", "/applications/{application.id}/guilds/{guild.id}/commands", guildId),
            $"/applications/{Esc(applicationId)}/guilds/{Esc(guildId)}/commands",
            commands,
            cancellationToken);

    /// <summary>The initial response to an interaction (must happen within 3 s; exempt from the global limit).</summary>
    public Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(
            new RestRoute("POST", "/interactions/{interaction.id}/{interaction.token}/callback", interactionId, ExemptFromGlobalLimit: true),
            $"/interactions/{Esc(interactionId)}/{Esc(interactionToken)}/callback",
            response,
            cancellationToken);

    public Task<DiscordMessage?> EditOriginalResponseAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync<DiscordMessage>(
            WebhookRoute("PATCH", "/webhooks/{application.id}/{interaction.token}/messages/@original", interactionToken),
            $"/webhooks/{Esc(applicationId)}/{Esc(interactionToken)}/messages/@original",
            message,
            cancellationToken);

    public Task DeleteOriginalResponseAsync(string applicationId, string interactionToken, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(
            WebhookRoute("DELETE", "/webhooks/{application.id}/{interaction.token}/messages/@original", interactionToken),
            $"/webhooks/{Esc(applicationId)}/{Esc(interactionToken)}/messages/@original",
            null,
            cancellationToken);

    public Task<DiscordMessage?> CreateFollowupMessageAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync<DiscordMessage>(
            WebhookRoute("POST", "/webhooks/{application.id}/{interaction.token}", interactionToken),
            $"/webhooks/{Esc(applicationId)}/{Esc(interactionToken)}?wait=true",
            message,
            cancellationToken);

    public Task<DiscordMessage?> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync<DiscordMessage>(
            new RestRoute("POST", "/channels/{channel.id}/messages", channelId),
            $"/channels/{Esc(channelId)}/messages",
            message,
            cancellationToken);

    /// <summary>PATCH /channels/{channel}/messages/{message}: replaces the content and components of a message the bot posted.</summary>
    public Task<DiscordMessage?> EditMessageAsync(string channelId, string messageId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync<DiscordMessage>(
            new RestRoute("PATCH", "/channels/{channel.id}/messages/{message.id}", channelId),
            $"/channels/{Esc(channelId)}/messages/{Esc(messageId)}",
            message,
            cancellationToken);

    /// <summary>POST /users/@me/channels: the DM channel with <paramref name="userId"/> (opened if needed).</summary>
    public Task<DiscordChannel> CreateDirectMessageChannelAsync(string userId, CancellationToken cancellationToken) =>
        SendRequiredAsync<DiscordChannel>(
            new RestRoute("POST", "/users/@me/channels", "@me"),
            "/users/@me/channels",
            new CreateDirectMessageRequest(userId),
            cancellationToken);

    /// <summary>GET /channels/{id}: the channel (with its guild_id), as far as the bot can see it.</summary>
    public Task<DiscordChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken) =>
        SendRequiredAsync<DiscordChannel>(
            new RestRoute("GET", "/channels/{channel.id}", channelId),
            $"/channels/{Esc(channelId)}",
            null,
            cancellationToken);

    /// <summary>GET /guilds/{guild}/members/{user}: the member's roles and timeout (404, code 10007, when not a member).</summary>
    public Task<DiscordMember> GetGuildMemberAsync(string guildId, string userId, CancellationToken cancellationToken) =>
        SendRequiredAsync<DiscordMember>(
            new RestRoute("GET", "/guilds/{guild.id}/members/{user.id}", guildId),
            $"/guilds/{Esc(guildId)}/members/{Esc(userId)}",
            null,
            cancellationToken);

    /// <summary>GET /guilds/{guild}: the guild with its owner and its roles (with their permission bits).</summary>
    public Task<DiscordGuild> GetGuildAsync(string guildId, CancellationToken cancellationToken) =>
        SendRequiredAsync<DiscordGuild>(
            new RestRoute("GET", "/guilds/{guild.id}", guildId),
            $"/guilds/{Esc(guildId)}",
            null,
            cancellationToken);

    /// <summary>Shows "CoachBot is typing…" in the channel for about 10 s (while a slow answer is composed).</summary>
    public Task TriggerTypingAsync(string channelId, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(
            new RestRoute("POST", "/channels/{channel.id}/typing", channelId),
            $"/channels/{Esc(channelId)}/typing",
            null,
            cancellationToken);

    public Task<DiscordChannel?> StartThreadFromMessageAsync(string channelId, string messageId, StartThreadRequest thread, CancellationToken cancellationToken) =>
        SendAsync<DiscordChannel>(
            new RestRoute("POST", "/channels/{channel.id}/messages/{message.id}/threads", channelId),
            $"/channels/{Esc(channelId)}/messages/{Esc(messageId)}/threads",
            thread,
            cancellationToken);

    /// <summary>
    /// How long a request under the global limit would wait behind the ones already queued (interaction routes are
    /// exempt and never wait). Lets optional calls, such as opening a thread, stand aside during a burst.
    /// </summary>
    public TimeSpan EstimatedGlobalWait => TimeSpan.FromSeconds((double)_limiter.GlobalQueueLength / Math.Max(1, _options.MaxRequestsPerSecond));

    public void Dispose() => _limiter.Dispose();

    private static RestRoute WebhookRoute(string method, string template, string interactionToken) =>
        new(method, template, interactionToken, ExemptFromGlobalLimit: true);

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private async Task<T> SendRequiredAsync<T>(RestRoute route, string path, object? body, CancellationToken ct) =>
        await SendAsync<T>(route, path, body, ct)
        ?? throw new DiscordApiException($"Discord API {route} returned an empty body.");

    private async Task<T?> SendAsync<T>(RestRoute route, string path, object? body, CancellationToken ct)
    {
        if (_unauthorized)
        {
            throw new DiscordApiException(HttpStatusCode.Unauthorized, null, "the bot token was rejected earlier; check Discord:Token", route.ToString());
        }

        var client = _httpClientFactory.CreateClient(HttpClientName);
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), DiscordJson.Options);
        var files = (body as MessagePayload)?.Files ?? [];
        using var attempt = await _retry.ExecuteAsync(
            "Discord " + route,
            ct => AttemptAsync(client, route, path, payload, files, ct),
            ct);
        var response = attempt.Response;
        if (response.IsSuccessStatusCode)
        {
            return response.StatusCode == HttpStatusCode.NoContent || attempt.Text.Length == 0
                ? default
                : JsonSerializer.Deserialize<T>(attempt.Text, DiscordJson.Options);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            _unauthorized = true;
            LogUnauthorized(route.ToString());
        }

        var error = attempt.Error;
        LogFailed(route.ToString(), (int)response.StatusCode, error?.Code ?? 0, error?.Message ?? string.Empty, DescribeErrors(error));
        throw new DiscordApiException(response.StatusCode, error?.Code, error?.Message, route.ToString());
    }

    /// <summary>
    /// One request through the limiter. A 429's pause (bucket or global) is handed to the limiter before the bucket
    /// lets its next request go, so none slips out in between and the retry waits there, not in the retry pipeline.
    /// </summary>
    private async ValueTask<RestAttempt> AttemptAsync(
        HttpClient client, RestRoute route, string path, byte[]? payload, IReadOnlyList<FileUpload> files, CancellationToken ct)
    {
        var bucket = await _limiter.AcquireAsync(route, ct);
        HttpResponseMessage? response = null;
        RateLimitHit? rateLimit = null;
        var handedOn = false;
        try
        {
            using var request = BuildRequest(route, path, payload, files);
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            }
            catch (HttpRequestException ex)
            {
                LogNetworkFailure(route.ToString(), ex.Message);
                throw new DiscordApiException($"Discord API {route} could not be reached: {ex.Message}", ex);
            }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
            {
                LogNetworkFailure(route.ToString(), "timed out");
                throw new DiscordApiException($"Discord API {route} timed out.", ex);
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            var error = response.IsSuccessStatusCode ? null : ParseError(text);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var global = error?.Global == true
                    || string.Equals(RestRateLimiter.Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
                rateLimit = new RateLimitHit(RetryAfterOf(response, error), global);
            }

            var attempt = new RestAttempt(response, text, error, rateLimit, route.IsIdempotent);
            handedOn = true;
            return attempt;
        }
        finally
        {
            _limiter.Release(route, bucket, response?.Headers, rateLimit);
            if (!handedOn)
            {
                response?.Dispose();
            }
        }
    }

    private static RetryDecision Decide(Outcome<RestAttempt> outcome) => outcome.Result switch
    {
        { RateLimit: { } hit } => RetryDecision.After(
            TimeSpan.Zero,
            string.Create(CultureInfo.InvariantCulture, $"rate limited for {hit.RetryAfter.TotalSeconds:0.###} s, global: {hit.Global}; the limiter waits")),
        { Response: { } response, Idempotent: true } when (int)response.StatusCode >= 500 => RetryDecision.Backoff("HTTP " + (int)response.StatusCode),
        _ => RetryDecision.Done,
    };

    private HttpRequestMessage BuildRequest(RestRoute route, string path, byte[]? payload, IReadOnlyList<FileUpload> files)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), _baseUrl + path)
        {
            // HTTP/2 when TLS negotiates it (one multiplexed connection instead of one per request in flight), else 1.1.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (payload is not null && files.Count > 0)
        {
            request.Content = UploadContent(payload, files);
        }
        else if (payload is not null)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        }

        return request;
    }

    /// <summary>
    /// A message with files, the way Discord takes uploads (https://discord.com/developers/docs/reference#uploading-files):
    /// multipart/form-data with the JSON body in <c>payload_json</c> and file n in the part <c>files[n]</c>, which the
    /// body's <c>attachments</c> entry with id n describes. Built anew for every attempt (content is read once).
    /// </summary>
    private static MultipartFormDataContent UploadContent(byte[] payload, IReadOnlyList<FileUpload> files)
    {
        var form = new MultipartFormDataContent();
        var json = new ByteArrayContent(payload);
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        form.Add(json, "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(files[i].Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            form.Add(file, string.Create(CultureInfo.InvariantCulture, $"files[{i}]"), files[i].FileName);
        }

        return form;
    }

    /// <summary>Discord's body <c>retry_after</c> (seconds, fractions allowed) wins over the header; 1 s when neither says.</summary>
    private TimeSpan RetryAfterOf(HttpResponseMessage response, DiscordErrorBody? error)
    {
        var seconds = error?.RetryAfter ?? RetryAfter.FromHeaders(response.Headers, _time.GetUtcNow())?.TotalSeconds ?? 1;
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600));
    }

    private static DiscordErrorBody? ParseError(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DiscordErrorBody>(text, DiscordJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string DescribeErrors(DiscordErrorBody? error)
    {
        if (error?.Errors is not { ValueKind: JsonValueKind.Object } errors)
        {
            return string.Empty;
        }

        var raw = errors.GetRawText();
        return raw.Length <= 500 ? raw : raw[..500] + "…";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord API {Route} failed: HTTP {Status}, Discord code {Code}: {DiscordMessage} {Errors}")]
    private partial void LogFailed(string route, int status, int code, string discordMessage, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord rejected the bot token on {Route} (HTTP 401). Check Discord:Token; no further REST calls will be made with it.")]
    private partial void LogUnauthorized(string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord API {Route} could not be reached: {Reason}")]
    private partial void LogNetworkFailure(string route, string reason);
}
