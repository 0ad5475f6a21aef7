namespace CoachBot.Testing.FakeSlack;

/// <summary>
/// Slack's streaming methods, written from their reference pages (bot scope chat:write for all three):
/// chat.startStream — https://docs.slack.dev/reference/methods/chat.startStream (channel and thread_ts required:
/// "streamed messages should always be replies to a user request"; markdown_text at most 12,000 characters;
/// recipient_user_id and recipient_team_id "required when streaming to channels"; answers ok, channel, ts),
/// chat.appendStream — https://docs.slack.dev/reference/methods/chat.appendStream (channel, ts and markdown_text
/// required, the text "appended to the message received so far"; message_not_found, message_not_in_streaming_state),
/// chat.stopStream — https://docs.slack.dev/reference/methods/chat.stopStream (channel and ts required; optional
/// markdown_text appended and blocks "rendered at the bottom of the finalized message"; answers ok, channel, ts,
/// message). The streamed text is kept apart from the blocks (<see cref="FakeSlackMessage.StreamedMarkdown"/>) with the
/// message's streaming state. Not modelled: chunks other than markdown text, task display modes, session_status.
/// Refuse streaming in a test with <see cref="FailNext"/> (e.g. "chat.startStream", "not_allowed").
/// </summary>
public sealed partial class FakeSlackServer
{
    private const int MaxStreamMarkdown = 12_000;

    private JsonObject? StreamingMethod(string method, JsonObject body) => method switch
    {
        "chat.startStream" => StartStream(body),
        "chat.appendStream" => AppendStream(body),
        "chat.stopStream" => StopStream(body),
        _ => null,
    };

    private JsonObject StartStream(JsonObject body)
    {
        if (!_options.BotScopes.Contains("chat:write"))
        {
            return MissingScope("chat:write");
        }

        var channel = (string?)body["channel"];
        var threadTs = (string?)body["thread_ts"];
        var markdown = (string?)body["markdown_text"] ?? string.Empty;
        if (string.IsNullOrEmpty(channel) || !IsConversationId(channel))
        {
            return Error("channel_not_found");
        }

        if (string.IsNullOrEmpty(threadTs) || markdown.Length > MaxStreamMarkdown)
        {
            return Error("invalid_arguments");
        }

        var inChannel = channel[0] is 'C' or 'G';
        if (inChannel && (string.IsNullOrEmpty((string?)body["recipient_user_id"]) || string.IsNullOrEmpty((string?)body["recipient_team_id"])))
        {
            return Error("invalid_arguments");
        }

        var ts = NextTs();
        var message = new FakeSlackMessage(channel, ts, threadTs, null, [], null) { StreamedMarkdown = markdown, StreamingState = "in_progress" };
        lock (_lock)
        {
            _messages[channel + "/" + ts] = message;
        }

        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts };
    }

    private JsonObject AppendStream(JsonObject body)
    {
        var markdown = (string?)body["markdown_text"];
        if (string.IsNullOrEmpty(markdown) || markdown.Length > MaxStreamMarkdown)
        {
            return Error("invalid_arguments");
        }

        return ChangeStream(body, m => m with { StreamedMarkdown = m.StreamedMarkdown + markdown });
    }

    private JsonObject StopStream(JsonObject body)
    {
        var markdown = (string?)body["markdown_text"];
        if (markdown?.Length > MaxStreamMarkdown)
        {
            return Error("invalid_arguments");
        }

        var blocks = body["blocks"] as JsonArray;
        // Blocks are optional here (the message already has its streamed text); when given, Block Kit's limits apply.
        if (blocks is { Count: > 0 } && FakeSlackBlocks.LimitError(blocks, text: null) is { } limitError)
        {
            return Error(limitError);
        }

        var result = ChangeStream(body, m => m with
        {
            StreamedMarkdown = m.StreamedMarkdown + markdown,
            Blocks = (JsonArray?)blocks?.DeepClone() ?? [],
            StreamingState = "completed",
        });
        if (result["ok"]?.GetValue<bool>() == true && FindMessage((string)result["channel"]!, (string)result["ts"]!) is { } stopped)
        {
            result["message"] = new JsonObject
            {
                ["type"] = "message",
                ["ts"] = stopped.Ts,
                ["thread_ts"] = stopped.ThreadTs,
                ["text"] = stopped.StreamedMarkdown,
                ["streaming_state"] = stopped.StreamingState,
                ["blocks"] = stopped.Blocks.DeepClone(),
            };
        }

        return result;
    }

    private JsonObject ChangeStream(JsonObject body, Func<FakeSlackMessage, FakeSlackMessage> change)
    {
        var channel = (string?)body["channel"] ?? string.Empty;
        var ts = (string?)body["ts"];
        if (string.IsNullOrEmpty(ts))
        {
            return Error("invalid_arguments");
        }

        lock (_lock)
        {
            if (!_messages.TryGetValue(channel + "/" + ts, out var existing))
            {
                return Error("message_not_found");
            }

            if (existing.StreamingState != "in_progress")
            {
                return Error("message_not_in_streaming_state");
            }

            _messages[channel + "/" + ts] = change(existing);
        }

        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts };
    }
}
