using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Diagnostics;
using CoachBot.Slack.Configuration;
using CoachBot.Slack.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CoachBot.Slack.Http;

/// <summary>
/// HTTP mode transport: one handler for events (JSON), slash commands (form) and interactivity (form field
/// <c>payload</c>), so the three Slack request URLs may share a path as Bolt's do. Every request's signature is
/// verified on the raw body (401 otherwise); url_verification and ssl_check are answered; retries are deduplicated by
/// event id; the answer is 200 straight away and the work goes to the bounded queue for the background worker.
/// </summary>
public sealed partial class SlackHttpEndpoints(
    SlackSignatureVerifier verifier,
    SlackInbox inbox,
    SlackDeliveryDeduplicator deduplicator,
    IOptions<SlackOptions> options,
    ILogger<SlackHttpEndpoints> logger,
    CoachMetrics? metrics = null)
{
    /// <summary>Slack bodies are small; anything larger is refused before it is read whole.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly TimeSpan EnqueueWait = TimeSpan.FromSeconds(2);

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await HandleCoreAsync(http);
        metrics?.Acknowledged("slack", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<IResult> HandleCoreAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBodyAsync(request, http.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var check = verifier.Verify(
            options.Value.SigningSecret ?? string.Empty,
            request.Headers["X-Slack-Request-Timestamp"],
            request.Headers["X-Slack-Signature"],
            body);
        if (check != SlackSignatureCheck.Valid)
        {
            LogRejected(check, request.Path);
            return Results.Unauthorized();
        }

        var contentType = request.ContentType ?? string.Empty;
        return contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            ? await HandleEventAsync(body, request.Headers["X-Slack-Retry-Num"], http.RequestAborted)
            : await HandleFormAsync(body, http.RequestAborted);
    }

    private async Task<IResult> HandleEventAsync(byte[] body, StringValues retryNum, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        var type = ReadString(root, "type");
        if (type == "url_verification")
        {
            return Results.Text(ReadString(root, "challenge") ?? string.Empty, "text/plain");
        }

        if (type != "event_callback")
        {
            return Results.Ok();
        }

        var eventId = ReadString(root, "event_id");
        if (!deduplicator.IsFirstDelivery(eventId is null ? null : "Event:" + eventId))
        {
            LogDuplicateEvent(eventId!, retryNum);
            return Results.Ok();
        }

        return await EnqueueAsync(new SlackInbound(SlackInboundKind.Event, root, "http"), cancellationToken);
    }

    private async Task<IResult> HandleFormAsync(byte[] body, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1")
        {
            return Results.Ok();
        }

        if (form.TryGetValue("payload", out var payloadJson))
        {
            JsonElement payload;
            try
            {
                using var document = JsonDocument.Parse(payloadJson.ToString());
                payload = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (payload.ValueKind != JsonValueKind.Object)
            {
                return Results.BadRequest();
            }

            var key = ReadString(payload, "trigger_id");
            if (!deduplicator.IsFirstDelivery(key is null ? null : "Interaction:" + key + "/" + FirstActionTs(payload)))
            {
                return Results.Ok();
            }

            return await EnqueueAsync(new SlackInbound(SlackInboundKind.Interaction, payload, "http"), cancellationToken);
        }

        if (form.TryGetValue("command", out _))
        {
            var command = new JsonObject();
            foreach (var (name, value) in form)
            {
                command[name] = value.ToString();
            }

            var trigger = form.TryGetValue("trigger_id", out var t) ? t.ToString() : null;
            if (!deduplicator.IsFirstDelivery(string.IsNullOrEmpty(trigger) ? null : "SlashCommand:" + trigger))
            {
                return Results.Ok();
            }

            var element = JsonSerializer.SerializeToElement(command);
            return await EnqueueAsync(new SlackInbound(SlackInboundKind.SlashCommand, element, "http"), cancellationToken);
        }

        return Results.BadRequest();
    }

    private async Task<IResult> EnqueueAsync(SlackInbound item, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(EnqueueWait);
        try
        {
            await inbox.EnqueueAsync(item, timeout.Token);
            return Results.Ok();
        }
        catch (OperationCanceledException)
        {
            // Overloaded: a non-2xx makes Slack retry the event later instead of losing it.
            LogQueueFull();
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string? FirstActionTs(JsonElement payload) =>
        payload.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > 0
            ? ReadString(actions[0], "action_ts")
            : null;

    private static string? ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack request to {Path}: signature {Check}")]
    private partial void LogRejected(SlackSignatureCheck check, PathString path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledged a repeated Slack event {EventId} (retry {RetryNum}); not answering again")]
    private partial void LogDuplicateEvent(string eventId, StringValues retryNum);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request queue is full; answered 503 so Slack retries later")]
    private partial void LogQueueFull();
}
