using System.Text.Json.Nodes;

namespace CoachBot.Slack.Api;

/// <summary>
/// Slack's streaming methods for messages written as they are generated (scope chat:write):
/// chat.startStream (https://docs.slack.dev/reference/methods/chat.startStream, Tier 2) opens a message in a thread,
/// chat.appendStream (https://docs.slack.dev/reference/methods/chat.appendStream, Tier 4) appends markdown to it, and
/// chat.stopStream (https://docs.slack.dev/reference/methods/chat.stopStream, Tier 2) finishes it, optionally with
/// more markdown and blocks shown at the bottom of the finished message. Text is standard markdown
/// (<c>markdown_text</c>, at most 12,000 characters a call), not mrkdwn.
/// </summary>
public sealed partial class SlackApiClient
{
    /// <summary>Slack's limit on one call's <c>markdown_text</c>.</summary>
    public const int MaxStreamMarkdown = 12_000;

    /// <summary>
    /// chat.startStream: a new message in the thread of <paramref name="threadTs"/> (streamed messages are always replies
    /// to a member's message). In a channel Slack needs the member it is written for (<paramref name="recipientUserId"/>,
    /// <paramref name="recipientTeamId"/>). Returns the message's ts.
    /// </summary>
    public async Task<string> StartStreamAsync(
        string channel, string threadTs, string markdownText, string? recipientUserId, string? recipientTeamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(threadTs);
        var body = new JsonObject { ["channel"] = channel, ["thread_ts"] = threadTs, ["markdown_text"] = Clip(markdownText) };
        if (!string.IsNullOrEmpty(recipientUserId) && !string.IsNullOrEmpty(recipientTeamId))
        {
            body["recipient_user_id"] = recipientUserId;
            body["recipient_team_id"] = recipientTeamId;
        }

        using var response = await CallAsync("chat.startStream", body, _options.BotToken, cancellationToken);
        return GetString(response.RootElement, "ts") ?? throw new SlackApiException("chat.startStream", "missing ts");
    }

    /// <summary>chat.appendStream: <paramref name="markdownText"/> is added to the end of the streaming message.</summary>
    public async Task AppendStreamAsync(string channel, string ts, string markdownText, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(ts);
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["markdown_text"] = Clip(markdownText) };
        using var response = await CallAsync("chat.appendStream", body, _options.BotToken, cancellationToken);
    }

    /// <summary>
    /// chat.stopStream: finishes the streaming message, adding <paramref name="markdownText"/> (when given) to its text and
    /// <paramref name="blocks"/> (sources, note, buttons) at its bottom.
    /// </summary>
    public async Task StopStreamAsync(string channel, string ts, string? markdownText, IReadOnlyList<JsonObject>? blocks, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(ts);
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts };
        if (!string.IsNullOrEmpty(markdownText))
        {
            body["markdown_text"] = Clip(markdownText);
        }

        if (blocks is { Count: > 0 })
        {
            body["blocks"] = new JsonArray([.. blocks.Select(b => b.DeepClone())]);
        }

        using var response = await CallAsync("chat.stopStream", body, _options.BotToken, cancellationToken);
    }

    private static string Clip(string text) => text.Length <= MaxStreamMarkdown ? text : text[..MaxStreamMarkdown];
}
