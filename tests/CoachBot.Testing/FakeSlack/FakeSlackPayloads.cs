namespace CoachBot.Testing.FakeSlack;

/// <summary>Builds Slack payloads shaped like the real ones (see the protocol brief's examples).</summary>
public static class FakeSlackPayloads
{
    private static long _counter;

    public static string NewEventId() => "Ev" + Interlocked.Increment(ref _counter).ToString("D10", CultureInfo.InvariantCulture);

    public static string NewTriggerId() => "111.222." + Guid.NewGuid().ToString("N");

    /// <summary>An event_callback body around <paramref name="inner"/> (HTTP body, or events_api envelope payload).</summary>
    public static JsonObject EventCallback(JsonObject inner, string teamId = "T111", string? eventId = null) => new()
    {
        ["token"] = "legacy-verification-token",
        ["team_id"] = teamId,
        ["api_app_id"] = "A111",
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? NewEventId(),
        ["event_time"] = 1_700_000_000,
        ["event"] = inner,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = teamId, ["user_id"] = "UBOT111", ["is_bot"] = true }),
        ["is_ext_shared_channel"] = false,
    };

    public static JsonObject AppMention(string user, string text, string channel, string ts, string? threadTs = null)
    {
        var ev = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
            ["team"] = "T111",
        };
        if (threadTs is not null)
        {
            ev["thread_ts"] = threadTs;
        }

        return ev;
    }

    /// <summary>A message event; <paramref name="channelType"/> is im, channel, group or mpim.</summary>
    public static JsonObject Message(string user, string text, string channel, string ts, string channelType, string? threadTs = null, string? subtype = null, string? botId = null)
    {
        var ev = new JsonObject
        {
            ["type"] = "message",
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = channel,
            ["channel_type"] = channelType,
            ["event_ts"] = ts,
            ["team"] = "T111",
        };
        if (threadTs is not null)
        {
            ev["thread_ts"] = threadTs;
        }

        if (subtype is not null)
        {
            ev["subtype"] = subtype;
        }

        if (botId is not null)
        {
            ev["bot_id"] = botId;
        }

        return ev;
    }

    public static JsonObject SlashCommand(string command, string text, string user, string channel, string responseUrl, string? triggerId = null) => new()
    {
        ["token"] = "legacy-verification-token",
        ["team_id"] = "T111",
        ["team_domain"] = "acme",
        ["channel_id"] = channel,
        ["channel_name"] = channel.StartsWith('D') ? "directmessage" : "general",
        ["user_id"] = user,
        ["user_name"] = user.ToLowerInvariant(),
        ["command"] = command,
        ["text"] = text,
        ["api_app_id"] = "A111",
        ["is_enterprise_install"] = "false",
        ["response_url"] = responseUrl,
        ["trigger_id"] = triggerId ?? NewTriggerId(),
    };

    public static JsonObject BlockAction(
        string user, string channel, string messageTs, string value, string responseUrl,
        string actionId = "btn_0", string? threadTs = null, bool isEphemeral = false, string? triggerId = null)
    {
        var message = new JsonObject { ["type"] = "message", ["bot_id"] = "B111", ["user"] = "UBOT111", ["ts"] = messageTs, ["text"] = "…", ["blocks"] = new JsonArray() };
        if (threadTs is not null)
        {
            message["thread_ts"] = threadTs;
        }

        return new JsonObject
        {
            ["type"] = "block_actions",
            ["api_app_id"] = "A111",
            ["token"] = "legacy-verification-token",
            ["trigger_id"] = triggerId ?? NewTriggerId(),
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["name"] = user.ToLowerInvariant(), ["team_id"] = "T111" },
            ["team"] = new JsonObject { ["id"] = "T111", ["domain"] = "acme" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = isEphemeral },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "general" },
            ["message"] = message,
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "actions_0",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Answer", ["emoji"] = true },
                ["value"] = value,
                ["action_ts"] = "1700000001." + Interlocked.Increment(ref _counter).ToString("D6", CultureInfo.InvariantCulture),
            }),
        };
    }

    /// <summary>
    /// A click on one of a feedback_buttons pair: a block_actions payload whose action has type <c>feedback_buttons</c> and
    /// the clicked button's value and text (https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element).
    /// </summary>
    public static JsonObject FeedbackAction(string user, string channel, string messageTs, string value, string responseUrl, bool positive, string? threadTs = null)
    {
        var payload = BlockAction(user, channel, messageTs, value, responseUrl, actionId: "feedback", threadTs: threadTs);
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "feedback_buttons",
            ["action_id"] = "feedback",
            ["block_id"] = "feedback",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = positive ? "👍" : "👎", ["emoji"] = true },
            ["value"] = value,
            ["action_ts"] = "1700000002." + Interlocked.Increment(ref _counter).ToString("D6", CultureInfo.InvariantCulture),
        });
        return payload;
    }

    /// <summary>A view_submission for a modal whose inputs use action_id "value" under block ids = field ids.</summary>
    public static JsonObject ViewSubmission(string user, string callbackId, string privateMetadata, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new JsonObject();
        foreach (var (blockId, value) in fields)
        {
            values[blockId] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T111", ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = user, ["name"] = user.ToLowerInvariant(), ["team_id"] = "T111" },
            ["api_app_id"] = "A111",
            ["trigger_id"] = NewTriggerId(),
            ["view"] = new JsonObject
            {
                ["id"] = "V123",
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = privateMetadata,
                ["state"] = new JsonObject { ["values"] = values },
            },
        };
    }
}
