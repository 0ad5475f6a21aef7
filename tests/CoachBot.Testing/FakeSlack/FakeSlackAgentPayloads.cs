using System.Text.Json.Nodes;

namespace CoachBot.Testing.FakeSlack;

/// <summary>
/// The agent experience's events as Slack sends them (inner events; wrap with <see cref="FakeSlackPayloads.EventCallback"/>
/// for an HTTP body or an events_api envelope): app_home_opened — https://docs.slack.dev/reference/events/app_home_opened
/// (with <c>tab: "messages"</c> the agent_view signal that a member opened the app's Messages tab,
/// https://docs.slack.dev/ai/migrating-to-agent-messaging/), assistant_thread_started —
/// https://docs.slack.dev/reference/events/assistant_thread_started/ and assistant_thread_context_changed —
/// https://docs.slack.dev/reference/events/assistant_thread_context_changed/.
/// </summary>
public static class FakeSlackAgentPayloads
{
    public static JsonObject AppHomeOpened(string user, string channel, string tab = "messages", string eventTs = "1700000000.000100") => new()
    {
        ["type"] = "app_home_opened",
        ["user"] = user,
        ["channel"] = channel,
        ["tab"] = tab,
        ["event_ts"] = eventTs,
    };

    public static JsonObject AssistantThreadStarted(string user, string channel, string threadTs, string contextChannel = "C111") =>
        AssistantThreadEvent("assistant_thread_started", user, channel, threadTs, contextChannel);

    public static JsonObject AssistantThreadContextChanged(string user, string channel, string threadTs, string contextChannel) =>
        AssistantThreadEvent("assistant_thread_context_changed", user, channel, threadTs, contextChannel);

    private static JsonObject AssistantThreadEvent(string type, string user, string channel, string threadTs, string contextChannel) => new()
    {
        ["type"] = type,
        ["assistant_thread"] = new JsonObject
        {
            ["user_id"] = user,
            ["context"] = new JsonObject { ["channel_id"] = contextChannel, ["team_id"] = "T111", ["enterprise_id"] = null },
            ["channel_id"] = channel,
            ["thread_ts"] = threadTs,
        },
        ["event_ts"] = threadTs,
    };
}
