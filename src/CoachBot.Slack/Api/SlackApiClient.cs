using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Resilience;
using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CoachBot.Slack.Api;

/// <summary>
/// The Slack Web API methods the coach uses (the shape of SlackNet's ISlackApiClient, flattened): bearer bot token,
/// JSON bodies, <c>{"ok":false}</c> turned into <see cref="SlackApiException"/> plus a log line, 429 Retry-After honoured
/// per method, bounded retries, and chat.postMessage paced per channel.
/// </summary>
public sealed partial class SlackApiClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan BackoffBase = TimeSpan.FromSeconds(1);

    private readonly HttpClient _http;
    private readonly SlackOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SlackApiClient> _logger;
    private readonly Uri _apiBase;
    private readonly ChannelMessageLimiter _channelLimiter;
    private readonly SlackResponseUrlPolicy _responseUrls;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _methodBlockedUntil = new(StringComparer.Ordinal);
    private readonly ResiliencePipeline<WebApiAttempt> _callRetry;
    private readonly ResiliencePipeline<HttpResponseMessage> _respondRetry;

    public SlackApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider timeProvider, ILogger<SlackApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        var baseUrl = _options.ApiBaseUrl.EndsWith('/') ? _options.ApiBaseUrl : _options.ApiBaseUrl + "/";
        _apiBase = new Uri(baseUrl, UriKind.Absolute);
        _channelLimiter = new ChannelMessageLimiter(timeProvider, _options.PerChannelMessageInterval);
        _responseUrls = new SlackResponseUrlPolicy(options);
        _callRetry = RetryPipeline.Build(new RetryRules<WebApiAttempt> { MaxRetries = _options.MaxApiAttempts - 1, BaseDelay = BackoffBase, Decide = DecideCall }, timeProvider, logger);
        _respondRetry = RetryPipeline.Build(new RetryRules<HttpResponseMessage> { MaxRetries = _options.MaxApiAttempts - 1, BaseDelay = BackoffBase, Decide = DecideResponse }, timeProvider, logger);
    }

    /// <summary>auth.test: the bot's own user id, bot id and team.</summary>
    public async Task<SlackAuthInfo> AuthTestAsync(CancellationToken cancellationToken)
    {
        using var response = await CallAsync("auth.test", new JsonObject(), _options.BotToken, cancellationToken);
        var root = response.RootElement;
        return new SlackAuthInfo(
            GetString(root, "user_id") ?? throw new SlackApiException("auth.test", "missing user_id"),
            GetString(root, "bot_id"),
            GetString(root, "team_id"));
    }

    /// <summary>chat.postMessage, in a thread when <paramref name="threadTs"/> is set; waits for the channel's turn.</summary>
    public async Task<SlackPostedMessage> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(message);
        var body = MessageBody(message);
        body["channel"] = channel;
        if (!string.IsNullOrEmpty(threadTs))
        {
            body["thread_ts"] = threadTs;
        }

        using var turn = await _channelLimiter.WaitTurnAsync(channel, cancellationToken);
        using var response = await CallAsync("chat.postMessage", body, _options.BotToken, cancellationToken);
        var root = response.RootElement;
        return new SlackPostedMessage(GetString(root, "channel") ?? channel, GetString(root, "ts") ?? string.Empty);
    }

    /// <summary>chat.update: replaces a message the bot posted.</summary>
    public async Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = MessageBody(message);
        body["channel"] = channel;
        body["ts"] = ts;
        using var response = await CallAsync("chat.update", body, _options.BotToken, cancellationToken);
    }

    /// <summary>chat.postEphemeral: only <paramref name="user"/> sees it.</summary>
    public async Task<string?> PostEphemeralAsync(string channel, string user, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = MessageBody(message);
        body["channel"] = channel;
        body["user"] = user;
        if (!string.IsNullOrEmpty(threadTs))
        {
            body["thread_ts"] = threadTs;
        }

        using var response = await CallAsync("chat.postEphemeral", body, _options.BotToken, cancellationToken);
        return GetString(response.RootElement, "message_ts");
    }

    /// <summary>views.open: shows a modal; the trigger id expires about 3 seconds after the click or command.</summary>
    public async Task<string?> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() };
        using var response = await CallAsync("views.open", body, _options.BotToken, cancellationToken);
        return response.RootElement.TryGetProperty("view", out var v) ? GetString(v, "id") : null;
    }

    /// <summary>usergroups.users.list: the user ids in a user group.</summary>
    public async Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["usergroup"] = userGroupId };
        using var response = await CallAsync("usergroups.users.list", body, _options.BotToken, cancellationToken);
        if (!response.RootElement.TryGetProperty("users", out var users) || users.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. users.EnumerateArray().Select(u => u.GetString()).OfType<string>()];
    }

    /// <summary>
    /// conversations.info: the workspaces a channel belongs to, as seen with the bot token (<c>context_team_id</c> and
    /// <c>shared_team_ids</c>; empty when Slack sends neither). Throws <see cref="SlackApiException"/> with
    /// <c>channel_not_found</c> for a channel the bot cannot see.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetChannelTeamsAsync(string channel, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel };
        using var response = await CallAsync("conversations.info", body, _options.BotToken, cancellationToken);
        if (!response.RootElement.TryGetProperty("channel", out var found) || found.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var teams = new List<string>();
        if (GetString(found, "context_team_id") is { Length: > 0 } context)
        {
            teams.Add(context);
        }

        if (found.TryGetProperty("shared_team_ids", out var shared) && shared.ValueKind == JsonValueKind.Array)
        {
            teams.AddRange(shared.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
        }

        return teams;
    }

    /// <summary>
    /// conversations.open with one user: the id of the bot's DM with that member (opened if needed). Throws
    /// <see cref="SlackApiException"/> (e.g. <c>user_not_found</c>, <c>user_disabled</c>, <c>cannot_dm_bot</c>).
    /// </summary>
    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["users"] = userId };
        using var response = await CallAsync("conversations.open", body, _options.BotToken, cancellationToken);
        return response.RootElement.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object
            && GetString(channel, "id") is { Length: > 0 } id
                ? id
                : throw new SlackApiException("conversations.open", "missing channel id");
    }

    /// <summary>apps.connections.open with the app-level token: a single-use Socket Mode WebSocket URL.</summary>
    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken cancellationToken)
    {
        using var response = await CallAsync("apps.connections.open", body: null, _options.AppToken, cancellationToken);
        var url = GetString(response.RootElement, "url");
        return url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new SlackApiException("apps.connections.open", "no url in response");
    }

    /// <summary>
    /// Posts to a response_url (slash command or button click; no auth header): an ephemeral or in-channel message,
    /// or a replacement of the clicked message.
    /// </summary>
    public async Task RespondAsync(string responseUrl, SlackMessage message, SlackResponseKind kind, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Callers check first and fall back to the Web API; this is the wall for any caller that forgets.
        if (!_responseUrls.Allows(responseUrl, out _))
        {
            throw new SlackApiException("response_url", "response_url not on Slack:ResponseUrlHosts");
        }

        var uri = new Uri(responseUrl, UriKind.Absolute);

        var body = MessageBody(message);
        switch (kind)
        {
            case SlackResponseKind.Ephemeral:
                body["response_type"] = "ephemeral";
                body["replace_original"] = false;
                break;
            case SlackResponseKind.InChannel:
                body["response_type"] = "in_channel";
                body["replace_original"] = false;
                break;
            case SlackResponseKind.ReplaceOriginal:
                body["replace_original"] = true;
                break;
        }

        if (!string.IsNullOrEmpty(threadTs))
        {
            body["thread_ts"] = threadTs;
        }

        using var response = await _respondRetry.ExecuteAsync(
            "Slack response_url",
            async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent(body) };
                return await _http.SendAsync(request, ct);
            },
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            var error = ResponseUrlError(await response.Content.ReadAsStringAsync(cancellationToken)) ?? "http_" + status;
            LogApiError("response_url", error + " (HTTP " + status + ")");
            throw new SlackApiException("response_url", error, ["HTTP " + status]);
        }
    }

    /// <summary>
    /// The error code in a refused response_url post: a JSON body's <c>error</c> (<c>{"ok":false,"error":"invalid_blocks"}</c>)
    /// or a bare code as the whole body (<c>used_url</c>, <c>invalid_blocks</c>); null for anything else.
    /// </summary>
    private static string? ResponseUrlError(string body)
    {
        var text = body.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return GetString(document.RootElement, "error") is { Length: > 0 and <= 64 } code && code.All(IsCodeChar) ? code : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return text.Length is > 0 and <= 64 && text.All(IsCodeChar) ? text : null;
    }

    private static bool IsCodeChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';

    private static JsonObject MessageBody(SlackMessage message) => new()
    {
        ["text"] = message.Text,
        ["blocks"] = message.BlocksJson(),
        // Never let Slack turn plain words into mentions or links on our behalf.
        ["link_names"] = false,
        ["unfurl_links"] = false,
        ["unfurl_media"] = false,
    };

    private Task<JsonDocument> CallAsync(string method, JsonObject? body, string? token, CancellationToken cancellationToken) =>
        CallWithContentAsync(method, () => body is null ? EmptyForm() : JsonContent(body), token, cancellationToken);

    /// <summary>A Web API call with a form-encoded body (for methods documented with form arguments).</summary>
    private Task<JsonDocument> CallFormAsync(string method, IReadOnlyList<KeyValuePair<string, string>> fields, string? token, CancellationToken cancellationToken) =>
        CallWithContentAsync(method, () => new FormUrlEncodedContent(fields), token, cancellationToken);

    private static ByteArrayContent EmptyForm()
    {
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");
        return content;
    }

    private async Task<JsonDocument> CallWithContentAsync(string method, Func<HttpContent> body, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new SlackApiException(method, "not_authed (no token configured)");
        }

        var uri = new Uri(_apiBase, method);
        WebApiAttempt attempt;
        try
        {
            attempt = await _callRetry.ExecuteAsync("Slack " + method, ct => AttemptAsync(method, uri, body, token, ct), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            LogApiError(method, "network: " + ex.Message);
            throw new SlackApiException(method, "network_error", ex);
        }

        using (attempt)
        {
            if (attempt.RateLimitWait is not null)
            {
                LogGaveUpRateLimited(method, _options.MaxApiAttempts);
                throw new SlackApiException(method, "ratelimited");
            }

            if (attempt.Document is not { } document)
            {
                var status = ((int)attempt.Response.StatusCode).ToString(CultureInfo.InvariantCulture);
                LogApiError(method, "unreadable response, HTTP " + status);
                throw new SlackApiException(method, "invalid_response (HTTP " + status + ")");
            }

            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return attempt.TakeDocument();
            }

            var error = (root.ValueKind == JsonValueKind.Object ? GetString(root, "error") : null) ?? "unknown_error";
            if (root.ValueKind == JsonValueKind.Object && GetString(root, "needed") is { } needed)
            {
                error += " (needed scope: " + needed + ")";
            }

            LogApiError(method, error);
            throw new SlackApiException(method, error, ErrorDetails(root));
        }
    }

    /// <summary>The <c>errors</c> array and <c>response_metadata.messages</c> of an error answer (strings only).</summary>
    private static List<string> ErrorDetails(JsonElement root)
    {
        var details = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return details;
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            details.AddRange(errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
        }

        if (root.TryGetProperty("response_metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            details.AddRange(messages.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
        }

        return details;
    }

    /// <summary>One Web API call: waits out the method's rate limit, sends, and reads the answer.</summary>
    private async ValueTask<WebApiAttempt> AttemptAsync(string method, Uri uri, Func<HttpContent> body, string token, CancellationToken cancellationToken)
    {
        await WaitIfMethodBlockedAsync(method, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = body();

        var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return RateLimited(method, response);
        }

        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (JsonException)
        {
            // Unreadable: reported after the retries (a 5xx is retried first).
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (document is not null && document.RootElement.ValueKind == JsonValueKind.Object && GetString(document.RootElement, "error") == "ratelimited")
        {
            document.Dispose();
            return RateLimited(method, response);
        }

        return new WebApiAttempt(response, document, null);
    }

    /// <summary>Slack's limits are per method: every caller of it waits the Retry-After, not only this one.</summary>
    private WebApiAttempt RateLimited(string method, HttpResponseMessage response)
    {
        var wait = RetryAfterOf(response);
        _methodBlockedUntil[method] = _timeProvider.GetUtcNow() + wait;
        return new WebApiAttempt(response, null, wait);
    }

    private static RetryDecision DecideCall(Outcome<WebApiAttempt> outcome) => outcome switch
    {
        { Exception: HttpRequestException ex } => RetryDecision.Backoff("network: " + ex.Message),
        { Result.RateLimitWait: { } wait } => RateLimitedRetry(wait),
        { Result.Response: { } response } when (int)response.StatusCode >= 500 => RetryDecision.Backoff("HTTP " + (int)response.StatusCode),
        _ => RetryDecision.Done,
    };

    private RetryDecision DecideResponse(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException ex } => RetryDecision.Backoff("network: " + ex.Message),
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } response } => RateLimitedRetry(RetryAfterOf(response)),
        _ => RetryDecision.Done,
    };

    private static RetryDecision RateLimitedRetry(TimeSpan wait) =>
        RetryDecision.After(wait, "rate limited, Retry-After " + wait.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");

    private async Task WaitIfMethodBlockedAsync(string method, CancellationToken cancellationToken)
    {
        if (_methodBlockedUntil.TryGetValue(method, out var until))
        {
            var wait = until - _timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _timeProvider, cancellationToken);
            }
        }
    }

    private TimeSpan RetryAfterOf(HttpResponseMessage response) =>
        RetryAfter.Bounded(RetryAfter.FromHeaders(response.Headers, _timeProvider.GetUtcNow()), DefaultRetryAfter, MaxRetryAfter);

    /// <summary>An attempt's answer: the response, its JSON when readable, and the wait when Slack rate limited it.</summary>
    private sealed class WebApiAttempt(HttpResponseMessage response, JsonDocument? document, TimeSpan? rateLimitWait) : IDisposable
    {
        private JsonDocument? _document = document;

        public HttpResponseMessage Response => response;

        public JsonDocument? Document => _document;

        public TimeSpan? RateLimitWait => rateLimitWait;

        /// <summary>Hands the document to the caller, who disposes it.</summary>
        public JsonDocument TakeDocument()
        {
            var document = _document ?? throw new InvalidOperationException("No document to take.");
            _document = null;
            return document;
        }

        public void Dispose()
        {
            _document?.Dispose();
            response.Dispose();
        }
    }

    private static StringContent JsonContent(JsonObject body)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = JsonContentType;
        return content;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered error: {Error}")]
    private partial void LogApiError(string method, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack {Method} was still rate limited after {Attempts} attempts; giving up (Retry-After honoured each time)")]
    private partial void LogGaveUpRateLimited(string method, int attempts);

}
