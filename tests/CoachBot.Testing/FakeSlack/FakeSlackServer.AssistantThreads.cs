using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachBot.Testing.FakeSlack;

/// <summary>
/// Slack's agent and assistant methods, written from their reference pages:
/// assistant.threads.setStatus — https://docs.slack.dev/reference/methods/assistant.threads.setStatus/ (channel_id,
/// thread_ts, status required, "" clears; loading_messages at most 10; scope chat:write or assistant:write),
/// assistant.threads.setSuggestedPrompts — https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts/
/// (channel_id and prompts required, up to four prompts each with title and message, optional title; thread_ts only in
/// the legacy assistant experience, "including it in a call for an agent app will cause the call to silently fail";
/// scope assistant:write), assistant.threads.setTitle — https://docs.slack.dev/reference/methods/assistant.threads.setTitle/
/// (channel_id, thread_ts, title; scope assistant:write). Answers are <c>{"ok":true}</c>, or
/// <c>{"ok":false,"error":…}</c> with <c>needed</c>/<c>provided</c> for missing_scope. Not modelled: the two-minute
/// status timeout and Slack clearing the status when the app replies, so a test sees exactly what the bot cleared.
/// </summary>
public sealed partial class FakeSlackServer
{
    private readonly ConcurrentDictionary<string, string> _assistantStatuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeSuggestedPrompts> _suggestedPrompts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _threadTitles = new(StringComparer.Ordinal);

    /// <summary>The status shown under a thread now (null: none, never set or cleared).</summary>
    public string? StatusOf(string channel, string threadTs) => _assistantStatuses.GetValueOrDefault(channel + "/" + threadTs);

    /// <summary>The prompts shown in a conversation (agent_view: set without thread_ts) or one assistant thread.</summary>
    public FakeSuggestedPrompts? SuggestedPromptsIn(string channel, string? threadTs = null) =>
        _suggestedPrompts.GetValueOrDefault(channel + "/" + threadTs);

    public string? TitleOf(string channel, string threadTs) => _threadTitles.GetValueOrDefault(channel + "/" + threadTs);

    private JsonObject? AssistantThreadsMethod(string method, JsonObject body) => method switch
    {
        "assistant.threads.setStatus" => SetStatus(body),
        "assistant.threads.setSuggestedPrompts" => SetSuggestedPrompts(body),
        "assistant.threads.setTitle" => SetTitle(body),
        _ => null,
    };

    private JsonObject SetStatus(JsonObject body)
    {
        if (!_options.SetStatusScopes.Overlaps(_options.BotScopes))
        {
            return MissingScope(string.Join(',', _options.SetStatusScopes.Order(StringComparer.Ordinal)));
        }

        var channel = (string?)body["channel_id"];
        var threadTs = (string?)body["thread_ts"];
        var status = body["status"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(threadTs) || status is null
            || (body["loading_messages"] is JsonArray loading && loading.Count > 10))
        {
            return Error("invalid_arguments");
        }

        if (!IsConversationId(channel))
        {
            return Error("channel_not_found");
        }

        if (status.Length == 0)
        {
            _assistantStatuses.TryRemove(channel + "/" + threadTs, out _);
        }
        else
        {
            _assistantStatuses[channel + "/" + threadTs] = status;
        }

        return new JsonObject { ["ok"] = true };
    }

    private JsonObject SetSuggestedPrompts(JsonObject body)
    {
        if (!_options.BotScopes.Contains("assistant:write"))
        {
            return MissingScope("assistant:write");
        }

        var channel = (string?)body["channel_id"];
        var threadTs = (string?)body["thread_ts"];
        var prompts = ReadArray(body["prompts"]);
        if (string.IsNullOrEmpty(channel) || prompts is not { Count: > 0 and <= 4 }
            || prompts.Any(p => p is not JsonObject o || string.IsNullOrEmpty((string?)o["title"]) || string.IsNullOrEmpty((string?)o["message"])))
        {
            return Error("invalid_arguments");
        }

        if (!IsConversationId(channel))
        {
            return Error("channel_not_found");
        }

        if (_options.AgentView && !string.IsNullOrEmpty(threadTs))
        {
            return new JsonObject { ["ok"] = true };
        }

        _suggestedPrompts[channel + "/" + threadTs] = new FakeSuggestedPrompts(
            (string?)body["title"],
            [.. prompts.OfType<JsonObject>().Select(p => ((string)p["title"]!, (string)p["message"]!))]);
        return new JsonObject { ["ok"] = true };
    }

    private JsonObject SetTitle(JsonObject body)
    {
        if (!_options.BotScopes.Contains("assistant:write"))
        {
            return MissingScope("assistant:write");
        }

        var channel = (string?)body["channel_id"];
        var threadTs = (string?)body["thread_ts"];
        var title = (string?)body["title"];
        if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(threadTs) || string.IsNullOrEmpty(title))
        {
            return Error("invalid_arguments");
        }

        _threadTitles[channel + "/" + threadTs] = title;
        return new JsonObject { ["ok"] = true };
    }

    private JsonObject MissingScope(string needed) => new()
    {
        ["ok"] = false,
        ["error"] = "missing_scope",
        ["needed"] = needed,
        ["provided"] = string.Join(',', _options.BotScopes.Order(StringComparer.Ordinal)),
    };

    private static bool IsConversationId(string channel) => channel.Length > 1 && channel[0] is 'C' or 'D' or 'G';

    /// <summary>A JSON array, or (form bodies) a string holding one.</summary>
    private static JsonArray? ReadArray(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            return array;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text) as JsonArray;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }
}
