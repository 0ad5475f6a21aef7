using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachBot.Testing.FakeSlack;

/// <summary>
/// Slack's external file upload, written from the reference pages:
/// files.getUploadURLExternal — https://docs.slack.dev/reference/methods/files.getUploadURLExternal/ (filename and
/// length required, length &gt; 0 else missing_argument; optional alt_txt, at most 1000 characters else
/// alt_txt_too_large; answers upload_url and file_id); then the bytes are POSTed to the upload URL (raw or multipart;
/// HTTP 200 when received); files.completeUploadExternal —
/// https://docs.slack.dev/reference/methods/files.completeUploadExternal/ (files: an array of {id, title?}, required;
/// channel_id or channels optional: "If not specified the file will be private"; a DM channel_id must be one
/// conversations.open returned, else channel_not_found; a shared file is posted in that conversation as a message
/// carrying the file and the initial_comment). Both methods need the files:write scope. An image block may show a file
/// through slack_file {id} — https://docs.slack.dev/reference/block-kit/composition-objects/slack-file-object — only
/// when the file exists, is complete and is an image (png, jpg, jpeg, gif); otherwise the message is refused with
/// invalid_blocks. Slack processing a file after the upload is modelled by <see cref="KeepFilesProcessing"/>: the
/// next N messages showing a slack_file are refused the way Slack refuses a file it cannot show yet
/// (https://github.com/slackapi/python-slack-sdk/issues/1521, #1658): Web API
/// <c>{"ok":false,"error":"invalid_blocks","errors":["invalid slack file [json-pointer:/blocks/N/slack_file]"],
/// "response_metadata":{"messages":["[ERROR] invalid slack file …"]}}</c>; a response_url HTTP 404 with
/// <c>{"ok":false,"error":"invalid_blocks"}</c> (https://github.com/slackapi/java-slack-sdk/issues/1349).
/// </summary>
public sealed partial class FakeSlackServer
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif"];

    private readonly ConcurrentDictionary<string, FakeSlackFile> _files = new(StringComparer.Ordinal);
    private int _processingRefusals;

    /// <summary>The next <paramref name="posts"/> messages that show an uploaded file (image block with slack_file) are refused as "still processing".</summary>
    public void KeepFilesProcessing(int posts) => Interlocked.Exchange(ref _processingRefusals, posts);

    private int _processingRefused;

    /// <summary>Messages refused so far because their slack_file was "still processing".</summary>
    public int ProcessingRefusals => Volatile.Read(ref _processingRefused);

    /// <summary>Files announced, uploaded and completed on this fake, by id.</summary>
    public IReadOnlyDictionary<string, FakeSlackFile> Files => _files;

    private JsonObject? FilesMethod(string method, JsonObject body) => method switch
    {
        "files.getUploadURLExternal" => GetUploadUrl(body),
        "files.completeUploadExternal" => CompleteUpload(body),
        _ => null,
    };

    private JsonObject GetUploadUrl(JsonObject body)
    {
        if (!_options.BotScopes.Contains("files:write"))
        {
            return MissingScope("files:write");
        }

        var name = Text(body["filename"]);
        if (string.IsNullOrEmpty(name) || !int.TryParse(Text(body["length"]), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) || length <= 0)
        {
            return Error("missing_argument");
        }

        var alt = Text(body["alt_txt"]);
        if (alt is { Length: > 1000 })
        {
            return Error("alt_txt_too_large");
        }

        var id = "F" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        _files[id] = new FakeSlackFile(id, name, length, alt);
        return new JsonObject { ["ok"] = true, ["upload_url"] = new Uri(BaseUrl, "upload/v1/" + id).ToString(), ["file_id"] = id };
    }

    private JsonObject CompleteUpload(JsonObject body)
    {
        if (!_options.BotScopes.Contains("files:write"))
        {
            return MissingScope("files:write");
        }

        var entries = body["files"] switch
        {
            JsonArray array => array,
            JsonValue value when value.TryGetValue<string>(out var json) => TryParseArray(json),
            _ => null,
        };
        if (entries is null || entries.Count == 0)
        {
            return Error("invalid_arguments");
        }

        var shared = new[] { Text(body["channel_id"]) }.Concat((Text(body["channels"]) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            .OfType<string>().Where(c => c.Length > 0).ToList();
        if (shared.Any(c => c.StartsWith('D') && !_openedDirectMessages.ContainsKey(c)))
        {
            return Error("channel_not_found");
        }
        var completed = new JsonArray();
        foreach (var entry in entries)
        {
            if (Text(entry?["id"]) is not { } id || !_files.TryGetValue(id, out var file) || file.Content is null)
            {
                return Error("file_not_found");
            }

            file.Completed = true;
            file.Title = Text(entry?["title"]) ?? file.FileName;
            file.SharedTo = shared;
            completed.Add(new JsonObject
            {
                ["id"] = file.Id,
                ["name"] = file.FileName,
                ["title"] = file.Title,
                ["size"] = file.Content.Length,
                ["url_private"] = new Uri(BaseUrl, "files-pri/" + file.Id + "/" + file.FileName).ToString(),
                ["shares"] = new JsonObject(),
            });
        }

        foreach (var channel in shared)
        {
            // Slack shares the files with a message of the uploader in each conversation, introduced by initial_comment.
            var ts = NextTs();
            var share = new FakeSlackMessage(channel, ts, Text(body["thread_ts"]), Text(body["initial_comment"]) ?? string.Empty, [], null)
            {
                FileIds = [.. completed.Select(f => Text(f?["id"])!)],
            };
            lock (_lock)
            {
                _messages[channel + "/" + ts] = share;
            }
        }

        return new JsonObject { ["ok"] = true, ["files"] = completed };
    }

    /// <summary>
    /// The "still processing" refusal for a message showing an uploaded file, while <see cref="KeepFilesProcessing"/>
    /// has refusals left: the pointer of the first such block, or null.
    /// </summary>
    private string? TakeProcessingRefusal(JsonArray? blocks)
    {
        var index = -1;
        for (var i = 0; i < (blocks?.Count ?? 0) && index < 0; i++)
        {
            if (blocks![i] is JsonObject block && Text(block["type"]) == "image" && block["slack_file"] is not null)
            {
                index = i;
            }
        }

        if (index < 0)
        {
            return null;
        }

        while (true)
        {
            var left = Volatile.Read(ref _processingRefusals);
            if (left <= 0)
            {
                return null;
            }

            if (Interlocked.CompareExchange(ref _processingRefusals, left - 1, left) == left)
            {
                Interlocked.Increment(ref _processingRefused);
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"invalid slack file [json-pointer:/blocks/{index}/slack_file]");
            }
        }
    }

    private static JsonObject ProcessingError(string detail) => new()
    {
        ["ok"] = false,
        ["error"] = "invalid_blocks",
        ["errors"] = new JsonArray(detail),
        ["response_metadata"] = new JsonObject { ["messages"] = new JsonArray("[ERROR] " + detail) },
    };

    /// <summary>The upload URL: takes the bytes (raw body, or the first file of a multipart form) of an announced file.</summary>
    private async Task HandleUploadAsync(HttpContext http, string id)
    {
        if (!_files.TryGetValue(id, out var file))
        {
            http.Response.StatusCode = 404;
            return;
        }

        byte[] content;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync();
            using var copy = new MemoryStream();
            if (form.Files.Count > 0)
            {
                await form.Files[0].CopyToAsync(copy);
            }

            content = copy.ToArray();
        }
        else
        {
            using var copy = new MemoryStream();
            await http.Request.Body.CopyToAsync(copy);
            content = copy.ToArray();
        }

        file.Content = content;
        http.Response.StatusCode = 200;
        await http.Response.WriteAsync("OK - " + content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>invalid_blocks when an image block's slack_file names no complete image file on this fake.</summary>
    private string? ImageBlockError(JsonArray? blocks)
    {
        foreach (var block in (blocks ?? []).OfType<JsonObject>().Where(b => Text(b["type"]) == "image"))
        {
            if (block["slack_file"] is JsonObject slackFile)
            {
                var id = Text(slackFile["id"]);
                if (id is null || slackFile["url"] is not null
                    || !_files.TryGetValue(id, out var file) || !file.Completed
                    || !ImageExtensions.Any(e => file.FileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                {
                    return "invalid_blocks";
                }
            }
            else if (Text(block["image_url"]) is null)
            {
                return "invalid_blocks";
            }

            if (Text(block["alt_text"]) is not { Length: > 0 and <= 2000 })
            {
                return "invalid_blocks";
            }
        }

        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value
            ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
            : null;

    private static JsonArray? TryParseArray(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
