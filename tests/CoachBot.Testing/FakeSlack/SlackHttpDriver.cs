namespace CoachBot.Testing.FakeSlack;

/// <summary>
/// Plays Slack's side of HTTP mode against an app: signed event, slash command and interactivity requests, retries with
/// X-Slack-Retry-Num, url_verification and ssl_check, plus deliberately bad signatures and stale timestamps.
/// </summary>
public sealed class SlackHttpDriver(HttpClient http, Uri requestUrl, string signingSecret, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public Task<HttpResponseMessage> SendEventAsync(JsonObject body, int? retryNum = null, SigningMode signing = SigningMode.Valid, TimeSpan? age = null) =>
        SendAsync(Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "{}"), "application/json", retryNum, signing, age);

    public Task<HttpResponseMessage> SendUrlVerificationAsync(string challenge, SigningMode signing = SigningMode.Valid) =>
        SendEventAsync(new JsonObject { ["token"] = "legacy", ["challenge"] = challenge, ["type"] = "url_verification" }, signing: signing);

    public Task<HttpResponseMessage> SendCommandAsync(JsonObject command, SigningMode signing = SigningMode.Valid, TimeSpan? age = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fields = command.Select(p => new KeyValuePair<string, string>(p.Key, p.Value?.GetValue<string>() ?? string.Empty));
        return SendFormAsync(fields, signing, age);
    }

    public Task<HttpResponseMessage> SendInteractionAsync(JsonObject payload, SigningMode signing = SigningMode.Valid, TimeSpan? age = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return SendFormAsync([new("payload", payload.ToJsonString())], signing, age);
    }

    public Task<HttpResponseMessage> SendSslCheckAsync() =>
        SendFormAsync([new("ssl_check", "1"), new("token", "legacy")], SigningMode.Valid, null);

    /// <summary>Posts <paramref name="body"/> as is with the given content type (null: none), signed as <paramref name="signing"/> says.</summary>
    public Task<HttpResponseMessage> SendRawAsync(byte[] body, string? contentType, SigningMode signing = SigningMode.Valid, TimeSpan? age = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return SendAsync(body, contentType, null, signing, age);
    }

    private Task<HttpResponseMessage> SendFormAsync(IEnumerable<KeyValuePair<string, string>> fields, SigningMode signing, TimeSpan? age)
    {
        var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return SendAsync(Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded", null, signing, age);
    }

    private async Task<HttpResponseMessage> SendAsync(byte[] body, string? contentType, int? retryNum, SigningMode signing, TimeSpan? age)
    {
        var timestamp = (_time.GetUtcNow() - (age ?? TimeSpan.Zero)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, requestUrl) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        if (signing != SigningMode.NoSignature)
        {
            var signature = SlackRequestSigner.Sign(signing == SigningMode.WrongSecret ? signingSecret + "x" : signingSecret, timestamp, body);
            if (signing == SigningMode.Tampered)
            {
                // Signed for a different body: flip one hex digit.
                signature = signature[..^1] + (signature[^1] == '0' ? '1' : '0');
            }

            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", signature);
        }

        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await http.SendAsync(request);
    }
}
