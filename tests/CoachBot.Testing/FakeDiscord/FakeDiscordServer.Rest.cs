using System.Security.Cryptography;

namespace CoachBot.Testing.FakeDiscord;

public sealed partial class FakeDiscordServer
{
    private readonly ConcurrentDictionary<string, FakeInteraction> _interactions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _threadsByMessage = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ScriptedRateLimit> _rateLimits = new();
    private readonly Lock _rateLimitLock = new();
    private readonly ConcurrentQueue<(string PathContains, double ResetAfterSeconds)> _exhaustedBuckets = new();

    /// <summary>The next successful request whose path contains <paramref name="pathContains"/> reports its bucket
    /// exhausted (<c>X-RateLimit-Remaining: 0</c>, <c>Reset-After</c>); a well-behaved client waits before the next one.</summary>
    public void ExhaustBucketOnNext(string pathContains, double resetAfterSeconds) =>
        _exhaustedBuckets.Enqueue((pathContains, resetAfterSeconds));

    public IReadOnlyCollection<FakeInteraction> Interactions => _interactions.Values.ToList();

    /// <summary>Where a scripted redirect points: a path on this server that answers 200 to anything (and is recorded).</summary>
    public const string RedirectTarget = "/api/v10/elsewhere";

    private readonly ConcurrentQueue<(string Method, string PathContains)> _redirects = new();

    /// <summary>The next request matching method and path gets a 302 to <see cref="RedirectTarget"/>.</summary>
    public void EnqueueRedirect(string method, string pathContains) => _redirects.Enqueue((method, pathContains));

    /// <summary>The next request matching method and path gets a 429 with <c>retry_after</c> (and the headers Discord sends).</summary>
    public void EnqueueRateLimit(string method, string pathContains, double retryAfterSeconds, bool global = false) =>
        _rateLimits.Enqueue(new ScriptedRateLimit(method, pathContains, retryAfterSeconds, global));

    /// <summary>
    /// Dispatches INTERACTION_CREATE for <paramref name="interaction"/> (from <see cref="FakeDiscordEvents"/>), giving it
    /// an id and token, and starts its 3-second acknowledgement clock.
    /// </summary>
    public async Task<FakeInteraction> SendInteractionAsync(JsonObject interaction)
    {
        var tracked = TrackInteraction(interaction);
        var session = await DispatchToSessionAsync("INTERACTION_CREATE", interaction);
        tracked.SentAt = DateTimeOffset.UtcNow;
        tracked.Shard = session.Shard is [var shard, > 1] ? shard : null;
        return tracked;
    }

    public Task SendMessageCreateAsync(JsonObject message) => DispatchAsync("MESSAGE_CREATE", message);

    private void MapRest(WebApplication app)
    {
        var api = app.MapGroup("/api/v10");
        api.MapGet("/gateway/bot", context => Handle(context, requireAuth: true, (_, _) => Json(200, new JsonObject
        {
            ["url"] = GatewayUrl,
            ["shards"] = Options.RecommendedShards,
            ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14_400_000, ["max_concurrency"] = Options.MaxConcurrency },
        })));
        api.MapGet("/applications/@me", context => Handle(context, requireAuth: true, (_, _) => Json(200, new JsonObject { ["id"] = Options.ApplicationId, ["name"] = "CoachBot" })));
        api.MapPut("/applications/{app}/commands", context => Handle(context, requireAuth: true, (_, body) => Json(200, WithIds(body))));
        api.MapPut("/applications/{app}/guilds/{guild}/commands", context => Handle(context, requireAuth: true, (_, body) => Json(200, WithIds(body))));
        api.MapPost("/interactions/{id}/{token}/callback", context => Handle(context, requireAuth: false, Callback));
        api.MapPatch("/webhooks/{app}/{token}/messages/{message}", context => Handle(context, requireAuth: false, EditWebhookMessage));
        api.MapDelete("/webhooks/{app}/{token}/messages/{message}", context => Handle(context, requireAuth: false, DeleteWebhookMessage));
        api.MapPost("/webhooks/{app}/{token}", context => Handle(context, requireAuth: false, Followup));
        api.MapPost("/channels/{channel}/messages", context => Handle(context, requireAuth: true, CreateMessage));
        // Edit Message (https://discord.com/developers/docs/resources/message#edit-message): the same body rules as a new one.
        api.MapPatch("/channels/{channel}/messages/{message}", context => Handle(context, requireAuth: true, EditChannelMessage));
        api.MapPost("/users/@me/channels", context => Handle(context, requireAuth: true, CreateDirectMessageChannel));
        api.Map("/elsewhere", context => Handle(context, requireAuth: false, (_, _) => (200, new JsonObject { ["followed"] = true })));
        api.MapPost("/channels/{channel}/typing", context => Handle(context, requireAuth: true, (_, _) => (204, null)));
        api.MapPost("/channels/{channel}/messages/{message}/threads", context => Handle(context, requireAuth: true, StartThread));
        api.MapGet("/channels/{channel}", context => Handle(context, requireAuth: true, GetChannel));
        api.MapGet("/guilds/{guild}", context => Handle(context, requireAuth: true, GetGuild));
        api.MapGet("/guilds/{guild}/members/{user}", context => Handle(context, requireAuth: true, GetGuildMember));
    }

    private async Task Handle(HttpContext context, bool requireAuth, Func<HttpContext, JsonNode?, (int Status, JsonNode? Body)> handler)
    {
        JsonNode? body = null;
        IReadOnlyList<RecordedFile> files = [];
        if (context.Request.HasFormContentType)
        {
            // Uploads: https://discord.com/developers/docs/reference#uploading-files — multipart/form-data with the JSON
            // body in the payload_json field and each file in a files[n] part; the body's attachments[] entries name
            // their file by id = n (with filename and description).
            var form = await context.Request.ReadFormAsync();
            files = await ReadFilesAsync(form);
            var problem = form.TryGetValue("payload_json", out var json) ? null : "payload_json: This field is required when uploading files.";
            try
            {
                body = problem is null ? JsonNode.Parse(json.ToString()) : null;
            }
            catch (System.Text.Json.JsonException)
            {
                problem = "payload_json: The request body contains invalid JSON.";
            }

            problem ??= ValidateUploads(body, files);
            if (problem is not null)
            {
                await WriteAsync(context, body, 400, new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body: " + problem }, files);
                return;
            }
        }
        else if (context.Request.ContentLength is > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            try
            {
                body = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                await WriteAsync(context, body, 400, new JsonObject { ["code"] = 50109, ["message"] = "The request body contains invalid JSON." });
                return;
            }
        }

        (int Status, JsonNode? Body) result;
        if (!context.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            result = Error(400, 0, "A User-Agent of the form 'DiscordBot ($url, $version)' is required.");
        }
        else if (requireAuth && context.Request.Headers.Authorization.ToString() != "Bot " + Options.Token)
        {
            result = (401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
        }
        else if (TakeRateLimit(context.Request.Method, context.Request.Path.Value ?? string.Empty) is { } limit)
        {
            var seconds = limit.RetryAfterSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            context.Response.Headers["Retry-After"] = Math.Ceiling(limit.RetryAfterSeconds).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Scope"] = limit.Global ? "global" : "user";
            if (limit.Global)
            {
                // Like Discord's global 429: no bucket headers, only Retry-After and the global flag.
                context.Response.Headers["X-RateLimit-Global"] = "true";
            }
            else
            {
                context.Response.Headers["X-RateLimit-Limit"] = "50";
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                context.Response.Headers["X-RateLimit-Reset-After"] = seconds;
                context.Response.Headers["X-RateLimit-Bucket"] = BucketHash(context);
            }

            result = (429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = limit.RetryAfterSeconds, ["global"] = limit.Global });
        }
        else if (FailureFor(context.Request.Path.Value ?? string.Empty) is { } failure)
        {
            // An outage: Discord's 5xx bodies are not JSON errors with codes.
            result = (failure, new JsonObject { ["message"] = "Service Unavailable", ["code"] = 0 });
        }
        else if (TakeRedirect(context.Request.Method, context.Request.Path.Value ?? string.Empty))
        {
            context.Response.Headers.Location = RedirectTarget;
            result = (302, null);
        }
        else
        {
            result = handler(context, body);
            AddRateLimitHeaders(context);
        }

        if (files.Count > 0 && result.Status == 200 && result.Body is JsonObject message)
        {
            message["attachments"] = AttachmentsOf(body, files);
        }

        await WriteAsync(context, body, result.Status, result.Body, files);
    }

    private static async Task<IReadOnlyList<RecordedFile>> ReadFilesAsync(IFormCollection form)
    {
        var files = new List<RecordedFile>();
        foreach (var file in form.Files)
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            files.Add(new RecordedFile(file.Name, file.FileName, file.ContentType, copy.ToArray()));
        }

        return files;
    }

    /// <summary>Discord's rules for an upload: at most 10 files, fields named files[n], each referenced attachment present.</summary>
    private static string? ValidateUploads(JsonNode? body, IReadOnlyList<RecordedFile> files)
    {
        if (files.Count > 10)
        {
            return "files: Must be 10 or fewer in length.";
        }

        if (files.Any(f => !UploadField().IsMatch(f.Field) || f.FileName.Length == 0))
        {
            return "files: each file goes in a files[n] part with a filename.";
        }

        foreach (var attachment in (body?["attachments"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = attachment["id"]?.ToString();
            if (id is null || files.All(f => f.Field != $"files[{id}]"))
            {
                return $"attachments: no files[{id}] part for attachment id {id}.";
            }

            if (attachment["description"]?.GetValue<string>() is { Length: > 1024 })
            {
                return "attachments: description must be 1024 or fewer in length.";
            }
        }

        return null;
    }

    private JsonArray AttachmentsOf(JsonNode? body, IReadOnlyList<RecordedFile> files)
    {
        var described = (body?["attachments"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(a => $"files[{a["id"]}]", a => a, StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var file in files)
        {
            var id = NextId();
            var entry = new JsonObject
            {
                ["id"] = id,
                ["filename"] = described.GetValueOrDefault(file.Field)?["filename"]?.GetValue<string>() ?? file.FileName,
                ["size"] = file.Content.Length,
                ["url"] = $"https://cdn.discordapp.com/attachments/0/{id}/{file.FileName}",
                ["content_type"] = file.ContentType,
            };
            if (described.GetValueOrDefault(file.Field)?["description"]?.GetValue<string>() is { } description)
            {
                entry["description"] = description;
            }

            result.Add(entry);
        }

        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^files\[[0-9]+\]$")]
    private static partial System.Text.RegularExpressions.Regex UploadField();

    private async Task WriteAsync(HttpContext context, JsonNode? requestBody, int status, JsonNode? responseBody, IReadOnlyList<RecordedFile>? files = null)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Record(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, requestBody, headers, Options.TimeProvider.GetUtcNow(), status)
        {
            Files = files ?? [],
        });
        context.Response.StatusCode = status;
        if (responseBody is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(responseBody.ToJsonString());
        }
    }

    private bool TakeRedirect(string method, string path)
    {
        lock (_rateLimitLock)
        {
            if (_redirects.TryPeek(out var next) && next.Method == method && path.Contains(next.PathContains, StringComparison.Ordinal))
            {
                return _redirects.TryDequeue(out _);
            }

            return false;
        }
    }

    private ScriptedRateLimit? TakeRateLimit(string method, string path)
    {
        lock (_rateLimitLock)
        {
            var pending = _rateLimits.ToArray();
            var match = pending.FirstOrDefault(l => l.Method == method && path.Contains(l.PathContains, StringComparison.Ordinal));
            if (match is null)
            {
                return null;
            }

            _rateLimits.Clear();
            var removed = false;
            foreach (var item in pending)
            {
                if (!removed && ReferenceEquals(item, match))
                {
                    removed = true;
                    continue;
                }

                _rateLimits.Enqueue(item);
            }

            return match;
        }
    }

    private void AddRateLimitHeaders(HttpContext context)
    {
        context.Response.Headers["X-RateLimit-Limit"] = "50";
        context.Response.Headers["X-RateLimit-Remaining"] = "49";
        context.Response.Headers["X-RateLimit-Reset-After"] = "1.000";
        context.Response.Headers["X-RateLimit-Bucket"] = BucketHash(context);
        var path = context.Request.Path.Value ?? string.Empty;
        lock (_rateLimitLock)
        {
            if (_exhaustedBuckets.TryPeek(out var exhausted) && path.Contains(exhausted.PathContains, StringComparison.Ordinal))
            {
                _exhaustedBuckets.TryDequeue(out _);
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                context.Response.Headers["X-RateLimit-Reset-After"] = exhausted.ResetAfterSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>An opaque bucket id per method and route template, as Discord's X-RateLimit-Bucket.</summary>
    private static string BucketHash(HttpContext context)
    {
        var endpoint = (context.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.Request.Method + endpoint)))[..32];
    }

    private (int, JsonNode?) Callback(HttpContext context, JsonNode? body)
    {
        var token = (string)context.Request.RouteValues["token"]!;
        var id = (string)context.Request.RouteValues["id"]!;
        if (!_interactions.TryGetValue(token, out var interaction) || interaction.Id != id)
        {
            return Error(404, 10062, "Unknown interaction");
        }

        lock (interaction)
        {
            if (interaction.CallbackType is not null)
            {
                return Error(400, 40060, "Interaction has already been acknowledged.");
            }

            if (DateTimeOffset.UtcNow - interaction.DispatchedAt > Options.InteractionDeadline)
            {
                return Error(404, 10062, "Unknown interaction");
            }

            var type = body?["type"]?.GetValue<int>() ?? 0;
            if (type is not (4 or 5 or 6 or 7 or 9))
            {
                return Error(400, 50035, "Invalid Form Body");
            }

            if (type is 4 or 7 && ValidateMessage(body?["data"]) is { } problem)
            {
                return Error(400, 50035, problem);
            }

            if (type == 5 && body?["data"] is JsonObject deferred && deferred.Any(p => p.Key != "flags"))
            {
                // A deferred response may carry only flags.
                return Error(400, 50035, "Invalid Form Body: a deferred response takes only flags");
            }

            interaction.CallbackType = type;
            interaction.CallbackFlags = body?["data"]?["flags"]?.GetValue<int>();
            interaction.CallbackContent = body?["data"]?["content"]?.GetValue<string>();
            interaction.AcknowledgedAt = DateTimeOffset.UtcNow;
            interaction.OriginalMessageId = NextId();
        }

        // Waiters are woken when the request is recorded (right after this), so one woken by the acknowledgement
        // already finds the callback in Requests.
        return (204, null);
    }

    private (int, JsonNode?) EditWebhookMessage(HttpContext context, JsonNode? body)
    {
        if (!TryGetAcknowledged(context, out var interaction, out var error))
        {
            return error;
        }

        if (ValidateMessage(body) is { } problem)
        {
            return Error(400, 50035, problem);
        }

        var messageId = (string)context.Request.RouteValues["message"]! == "@original" ? interaction.OriginalMessageId : (string)context.Request.RouteValues["message"]!;
        return Json(200, Message(messageId, interaction.ChannelId, body));
    }

    private (int, JsonNode?) DeleteWebhookMessage(HttpContext context, JsonNode? body)
    {
        if (!TryGetAcknowledged(context, out var interaction, out var error))
        {
            return error;
        }

        if ((string)context.Request.RouteValues["message"]! == "@original")
        {
            interaction.OriginalDeleted = true;
        }

        return (204, null);
    }

    private (int, JsonNode?) Followup(HttpContext context, JsonNode? body)
    {
        if (!TryGetAcknowledged(context, out var interaction, out var error))
        {
            return error;
        }

        return ValidateMessage(body) is { } problem ? Error(400, 50035, problem) : Json(200, Message(NextId(), interaction.ChannelId, body));
    }

    private (int, JsonNode?) CreateMessage(HttpContext context, JsonNode? body)
    {
        var channel = (string)context.Request.RouteValues["channel"]!;
        if (DirectMessagesRefused(channel))
        {
            return Error(403, 50007, "Cannot send messages to this user");
        }

        return ValidateMessage(body) is { } problem ? Error(400, 50035, problem) : Json(200, Message(NextId(), channel, body));
    }

    private (int, JsonNode?) EditChannelMessage(HttpContext context, JsonNode? body)
    {
        var channel = (string)context.Request.RouteValues["channel"]!;
        var message = (string)context.Request.RouteValues["message"]!;
        return ValidateMessage(body) is { } problem ? Error(400, 50035, problem) : Json(200, Message(message, channel, body));
    }

    private (int, JsonNode?) StartThread(HttpContext context, JsonNode? body)
    {
        var channel = (string)context.Request.RouteValues["channel"]!;
        var message = (string)context.Request.RouteValues["message"]!;
        var name = body?["name"]?.GetValue<string>() ?? string.Empty;
        if (name.Length is 0 or > 100)
        {
            return Error(400, 50035, "Invalid Form Body: name must be 1-100 characters");
        }

        if (!_threadsByMessage.TryAdd(message, channel))
        {
            return Error(400, 160004, "A thread has already been created for this message");
        }

        return Json(200, new JsonObject
        {
            ["id"] = message,
            ["type"] = 11,
            ["parent_id"] = channel,
            ["name"] = name,
            ["owner_id"] = Options.BotUserId,
        });
    }

    private bool TryGetAcknowledged(HttpContext context, out FakeInteraction interaction, out (int, JsonNode?) error)
    {
        var token = (string)context.Request.RouteValues["token"]!;
        if (!_interactions.TryGetValue(token, out interaction!) || (string)context.Request.RouteValues["app"]! != Options.ApplicationId)
        {
            error = Error(404, 10015, "Unknown Webhook");
            return false;
        }

        if (interaction.CallbackType is null)
        {
            error = Error(404, 10015, "Unknown Webhook");
            return false;
        }

        if (DateTimeOffset.UtcNow - interaction.DispatchedAt > TimeSpan.FromMinutes(15))
        {
            // Interaction tokens are valid for 15 minutes.
            error = Error(401, 50027, "Invalid Webhook Token");
            return false;
        }

        error = default;
        return true;
    }

    /// <summary>Discord's message limits: content ≤2000, ≤5 rows of ≤5 buttons, custom ids 1–100 and unique.</summary>
    private static string? ValidateMessage(JsonNode? message)
    {
        if (message is null)
        {
            return "Cannot send an empty message";
        }

        if (message["content"]?.GetValue<string>() is { Length: > 2000 })
        {
            return "content: Must be 2000 or fewer in length.";
        }

        if (message["components"] is JsonArray rows)
        {
            if (rows.Count > 5)
            {
                return "components: Must be 5 or fewer in length.";
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (row?["components"] is not JsonArray buttons || buttons.Count is 0 or > 5)
                {
                    return "components: an action row must hold 1 to 5 buttons.";
                }

                foreach (var button in buttons)
                {
                    var id = button?["custom_id"]?.GetValue<string>() ?? string.Empty;
                    if (id.Length is 0 or > 100 || !ids.Add(id))
                    {
                        return "components: custom_id must be 1-100 characters and unique.";
                    }

                    if (button?["label"]?.GetValue<string>() is { Length: > 80 })
                    {
                        return "components: label must be 80 or fewer in length.";
                    }
                }
            }
        }

        return null;
    }

    private static JsonObject Message(string id, string channelId, JsonNode? body) => new()
    {
        ["id"] = id,
        ["channel_id"] = channelId,
        ["content"] = body?["content"]?.GetValue<string>() ?? string.Empty,
        ["type"] = 0,
    };

    private JsonArray WithIds(JsonNode? body)
    {
        var result = new JsonArray();
        if (body is JsonArray commands)
        {
            foreach (var command in commands)
            {
                var copy = command!.DeepClone();
                copy["id"] = NextId();
                copy["application_id"] = Options.ApplicationId;
                result.Add(copy);
            }
        }

        return result;
    }

    private static (int, JsonNode?) Json(int status, JsonNode body) => (status, body);

    private static (int, JsonNode?) Error(int status, int code, string message) =>
        (status, new JsonObject { ["code"] = code, ["message"] = message });
}
