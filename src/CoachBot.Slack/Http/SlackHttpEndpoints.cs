using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Diagnostics;
using CoachBot.Slack.Configuration;
using CoachBot.Slack.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Http;

/// <summary>
/// HTTP mode transport: one handler for events (JSON), slash commands (form) and interactivity (form field
/// <c>payload</c>), so the three Slack request URLs may share a path as Bolt's do. Every request's signature is
/// verified on the raw body (401 otherwise); url_verification and ssl_check are answered. A delivery is answered 200
/// only once it is recorded in the durable inbox (<see cref="SlackIntake"/>); a repeated one (same event_id, a retry)
/// is answered 200 without work; when it cannot be recorded (queue full for an event, the inbox write failed, shutting
/// down) the answer is 503 and nothing is marked, so Slack's retry is processed. Only verified requests are timed in
/// the ack histogram; refused ones are counted by reason and logged at debug level, rate-limited.
/// </summary>
public sealed class SlackHttpEndpoints(
    SlackSignatureVerifier verifier,
    SlackIntake intake,
    SlackRejectedRequestLog rejections,
    IOptions<SlackOptions> options,
    CoachMetrics? metrics = null)
{
    /// <summary>Slack bodies are small; anything larger is refused before it is read whole.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (result, rejection) = await HandleCoreAsync(http);
        if (rejection is null)
        {
            metrics?.Acknowledged("slack", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        else
        {
            metrics?.Rejected("slack", rejection);
            rejections.Rejected(rejection, http.Request.Path.Value ?? string.Empty);
        }

        return result;
    }

    /// <summary>The answer, and the reason when the request was refused before it was verified (null once verified).</summary>
    private async Task<(IResult Result, string? Rejection)> HandleCoreAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return (Results.StatusCode(StatusCodes.Status413PayloadTooLarge), "too_large");
        }

        var body = await ReadBodyAsync(request, http.RequestAborted);
        if (body is null)
        {
            return (Results.StatusCode(StatusCodes.Status413PayloadTooLarge), "too_large");
        }

        var check = verifier.Verify(
            options.Value.SigningSecret ?? string.Empty,
            request.Headers["X-Slack-Request-Timestamp"],
            request.Headers["X-Slack-Signature"],
            body);
        if (check != SlackSignatureCheck.Valid)
        {
            return (Results.Unauthorized(), check switch
            {
                SlackSignatureCheck.Missing => "missing_signature",
                SlackSignatureCheck.Stale => "stale_timestamp",
                _ => "bad_signature",
            });
        }

        var contentType = request.ContentType ?? string.Empty;
        var result = contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            ? await HandleEventAsync(body, http.RequestAborted)
            : await HandleFormAsync(body, http.RequestAborted);
        return (result, null);
    }

    private async Task<IResult> HandleEventAsync(byte[] body, CancellationToken cancellationToken)
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

        return await AcceptAsync(new SlackInbound(SlackInboundKind.Event, root, "http"), cancellationToken);
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

            return await AcceptAsync(new SlackInbound(SlackInboundKind.Interaction, payload, "http"), cancellationToken);
        }

        if (form.TryGetValue("command", out _))
        {
            var command = new JsonObject();
            foreach (var (name, value) in form)
            {
                command[name] = value.ToString();
            }

            var element = JsonSerializer.SerializeToElement(command);
            return await AcceptAsync(new SlackInbound(SlackInboundKind.SlashCommand, element, "http"), cancellationToken);
        }

        return Results.BadRequest();
    }

    private async Task<IResult> AcceptAsync(SlackInbound item, CancellationToken cancellationToken) =>
        await intake.AcceptAsync(item, envelopeId: null, cancellationToken) == SlackIntakeResult.Refused
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Ok();

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

    private static string? ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
