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
/// 3. files.completeUploadExternal (files=[{id, title}]) (https://docs.slack.dev/reference/methods/files.completeUploadExternal/):
///    without a channel the file stays private to the bot and is shown only where a message's image block names it
///    (slack_file {id}); with channel_id (and initial_comment) Slack shares it in that one conversation, e.g. the bot's
///    DM with a member. Needs the files:write scope.
/// </summary>
public sealed partial class SlackApiClient
{
    /// <summary>Slack's limit on alt_txt.</summary>
    public const int MaxAltText = 1000;

    /// <summary>Uploads a file without sharing it anywhere; returns its file id.</summary>
    public Task<string> UploadPrivateFileAsync(string fileName, ReadOnlyMemory<byte> content, string altText, string title, CancellationToken cancellationToken) =>
        UploadFileAsync(fileName, content, altText, title, channelId: null, initialComment: null, cancellationToken);

    /// <summary>
    /// Uploads a file and shares it in one conversation (<paramref name="channelId"/>: a channel, or a DM id from
    /// conversations.open), introduced by <paramref name="initialComment"/>; returns its file id.
    /// </summary>
    public Task<string> UploadFileToConversationAsync(
        string fileName, ReadOnlyMemory<byte> content, string altText, string title, string channelId, string initialComment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        return UploadFileAsync(fileName, content, altText, title, channelId, initialComment, cancellationToken);
    }

    private async Task<string> UploadFileAsync(
        string fileName, ReadOnlyMemory<byte> content, string altText, string title, string? channelId, string? initialComment, CancellationToken cancellationToken)
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
        var fields = new List<KeyValuePair<string, string>> { new("files", files) };
        if (channelId is not null)
        {
            fields.Add(new("channel_id", channelId));
            if (!string.IsNullOrEmpty(initialComment))
            {
                fields.Add(new("initial_comment", initialComment));
            }
        }

        using var completed = await CallFormAsync("files.completeUploadExternal", fields, _options.BotToken, cancellationToken);
        return completed.RootElement.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            ? GetString(list[0], "id") ?? fileId
            : fileId;
    }
}
