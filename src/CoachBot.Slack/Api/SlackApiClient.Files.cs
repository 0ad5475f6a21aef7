using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Resilience;

namespace CoachBot.Slack.Api;

/// <summary>
/// Uploading a file the way Slack takes them now (files.upload is retired):
/// 1. files.getUploadURLExternal (filename, length, alt_txt) → upload_url and file_id
///    (https://docs.slack.dev/reference/methods/files.getUploadURLExternal/);
/// 2. POST the bytes to upload_url (no token: the URL carries the grant);
/// 3. files.completeUploadExternal (files=[{id, title}]) without a channel, which leaves the file private to the bot
///    (https://docs.slack.dev/reference/methods/files.completeUploadExternal/): it is shown only where a message's image
///    block names it (slack_file {id}). Needs the files:write scope.
/// </summary>
public sealed partial class SlackApiClient
{
    /// <summary>Slack's limit on alt_txt.</summary>
    public const int MaxAltText = 1000;

    /// <summary>Uploads a file without sharing it anywhere; returns its file id.</summary>
    public async Task<string> UploadPrivateFileAsync(string fileName, ReadOnlyMemory<byte> content, string altText, string title, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(altText);
        string uploadUrl;
        string fileId;
        using (var ticket = await CallFormAsync(
            "files.getUploadURLExternal",
            [
                new("filename", fileName),
                new("length", content.Length.ToString(CultureInfo.InvariantCulture)),
                new("alt_txt", altText.Length <= MaxAltText ? altText : altText[..(MaxAltText - 1)] + "…"),
            ],
            _options.BotToken,
            cancellationToken))
        {
            uploadUrl = GetString(ticket.RootElement, "upload_url") ?? throw new SlackApiException("files.getUploadURLExternal", "no upload_url in response");
            fileId = GetString(ticket.RootElement, "file_id") ?? throw new SlackApiException("files.getUploadURLExternal", "no file_id in response");
        }

        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttps && !_options.AllowInsecureResponseUrls))
        {
            throw new SlackApiException("files.getUploadURLExternal", "upload_url is not an https URL");
        }

        using (var uploaded = await _respondRetry.ExecuteAsync(
            "Slack file upload",
            async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ReadOnlyMemoryContent(content) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                return await _http.SendAsync(request, ct);
            },
            cancellationToken))
        {
            if (!uploaded.IsSuccessStatusCode)
            {
                var status = ((int)uploaded.StatusCode).ToString(CultureInfo.InvariantCulture);
                LogApiError("file upload", "HTTP " + status);
                throw new SlackApiException("file upload", "http_" + status);
            }
        }

        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }).ToJsonString();
        using var completed = await CallFormAsync("files.completeUploadExternal", [new("files", files)], _options.BotToken, cancellationToken);
        return completed.RootElement.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            ? GetString(list[0], "id") ?? fileId
            : fileId;
    }
}
