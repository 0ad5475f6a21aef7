using System.Text.Json.Nodes;
using CoachBot.Slack.Agent;

namespace CoachBot.Slack.Api;

/// <summary>The assistant.threads.* methods of Slack's agent and assistant experience.</summary>
public sealed partial class SlackApiClient
{
    /// <summary>
    /// assistant.threads.setStatus (https://docs.slack.dev/reference/methods/assistant.threads.setStatus/): the "is
    /// thinking…" line under the thread; an empty <paramref name="status"/> clears it. Scope: chat:write or assistant:write.
    /// </summary>
    public async Task SetAssistantStatusAsync(string channel, string threadTs, string status, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(threadTs);
        ArgumentNullException.ThrowIfNull(status);
        var body = new JsonObject { ["channel_id"] = channel, ["thread_ts"] = threadTs, ["status"] = status };
        using var response = await CallAsync("assistant.threads.setStatus", body, _options.BotToken, cancellationToken);
    }

    /// <summary>
    /// assistant.threads.setSuggestedPrompts (https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts/):
    /// up to four prompts the member can click. <paramref name="threadTs"/> only for a legacy assistant thread: an
    /// agent_view app must leave it out (the call would silently do nothing). Scope: assistant:write.
    /// </summary>
    public async Task SetSuggestedPromptsAsync(
        string channel, string? threadTs, string title, IReadOnlyList<SlackSuggestedPrompt> prompts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(prompts);
        var body = new JsonObject
        {
            ["channel_id"] = channel,
            ["title"] = title,
            ["prompts"] = new JsonArray([.. prompts.Select(p => (JsonNode)new JsonObject { ["title"] = p.Title, ["message"] = p.Message })]),
        };
        if (!string.IsNullOrEmpty(threadTs))
        {
            body["thread_ts"] = threadTs;
        }

        using var response = await CallAsync("assistant.threads.setSuggestedPrompts", body, _options.BotToken, cancellationToken);
    }
}
