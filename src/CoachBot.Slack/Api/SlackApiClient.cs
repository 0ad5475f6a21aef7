using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

    private readonly HttpClient _http;
    private readonly SlackOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SlackApiClient> _logger;
    private readonly Uri _apiBase;
    private readonly ChannelMessageLimiter _channelLimiter;
    private readonly SlackResponseUrlPolicy _responseUrls;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _methodBlockedUntil = new(StringComparer.Ordinal);

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

        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent(body) };
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (attempt < _options.MaxApiAttempts)
            {
                LogNetworkRetry("response_url", attempt, ex.Message);
                await Task.Delay(Backoff(attempt), _timeProvider, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < _options.MaxApiAttempts)
                {
                    var wait = RetryAfter(response);
                    LogRateLimited("response_url", wait.TotalSeconds);
                    await Task.Delay(wait, _timeProvider, cancellationToken);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var error = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                    LogApiError("response_url", error);
                    throw new SlackApiException("response_url", "http_" + error);
                }

                return;
            }
        }
    }

    private static JsonObject MessageBody(SlackMessage message) => new()
    {
        ["text"] = message.Text,
        ["blocks"] = message.BlocksJson(),
        // Never let Slack turn plain words into mentions or links on our behalf.
        ["link_names"] = false,
        ["unfurl_links"] = false,
        ["unfurl_media"] = false,
    };

    private async Task<JsonDocument> CallAsync(string method, JsonObject? body, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new SlackApiException(method, "not_authed (no token configured)");
        }

        var uri = new Uri(_apiBase, method);
        for (var attempt = 1; ; attempt++)
        {
            await WaitIfMethodBlockedAsync(method, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Content = body is null ? new ByteArrayContent([]) : JsonContent(body);
            if (body is null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (attempt < _options.MaxApiAttempts)
            {
                LogNetworkRetry(method, attempt, ex.Message);
                await Task.Delay(Backoff(attempt), _timeProvider, cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                LogApiError(method, "network: " + ex.Message);
                throw new SlackApiException(method, "network_error", ex);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response);
                    _methodBlockedUntil[method] = _timeProvider.GetUtcNow() + wait;
                    if (attempt >= _options.MaxApiAttempts)
                    {
                        LogGaveUpRateLimited(method, attempt);
                        throw new SlackApiException(method, "ratelimited");
                    }

                    LogRateLimited(method, wait.TotalSeconds);
                    continue;
                }

                if ((int)response.StatusCode >= 500 && attempt < _options.MaxApiAttempts)
                {
                    LogNetworkRetry(method, attempt, "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                    await Task.Delay(Backoff(attempt), _timeProvider, cancellationToken);
                    continue;
                }

                var json = await response.Content.ReadAsStringAsync(cancellationToken);
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(json);
                }
                catch (JsonException)
                {
                    var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                    LogApiError(method, "unreadable response, HTTP " + status);
                    throw new SlackApiException(method, "invalid_response (HTTP " + status + ")");
                }

                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
                {
                    return document;
                }

                var error = (root.ValueKind == JsonValueKind.Object ? GetString(root, "error") : null) ?? "unknown_error";
                if (root.ValueKind == JsonValueKind.Object && GetString(root, "needed") is { } needed)
                {
                    error += " (needed scope: " + needed + ")";
                }

                document.Dispose();
                LogApiError(method, error);
                throw new SlackApiException(method, error);
            }
        }
    }

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

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return Clamp(delta);
            }
        }

        if (response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return Clamp(TimeSpan.FromSeconds(seconds));
        }

        return DefaultRetryAfter;

        static TimeSpan Clamp(TimeSpan value) =>
            value <= TimeSpan.Zero ? DefaultRetryAfter : value > MaxRetryAfter ? MaxRetryAfter : value;
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, attempt));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} rate limited; retrying after {Seconds} s")]
    private partial void LogRateLimited(string method, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack {Method} was still rate limited after {Attempts} attempts; giving up (Retry-After honoured each time)")]
    private partial void LogGaveUpRateLimited(string method, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} attempt {Attempt} failed ({Reason}); retrying")]
    private partial void LogNetworkRetry(string method, int attempt, string reason);
}
