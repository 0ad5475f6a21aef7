namespace CoachBot.Testing.FakeSlack;

/// <summary>Helpers to read Block Kit JSON in assertions and in the fake's limit checks.</summary>
public static class FakeSlackBlocks
{
    /// <summary>Every text string in the blocks: section/header text, context elements, button labels.</summary>
    public static IEnumerable<string> Texts(JsonArray blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        foreach (var block in blocks.OfType<JsonObject>())
        {
            if (block["text"]?["text"] is JsonValue text)
            {
                yield return text.GetValue<string>();
            }

            foreach (var element in (block["elements"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (element["text"] is JsonValue plain)
                {
                    yield return plain.GetValue<string>();
                }
                else if (element["text"]?["text"] is JsonValue label)
                {
                    yield return label.GetValue<string>();
                }
            }
        }
    }

    /// <summary>The buttons of all actions blocks: (block_id, action_id, label, value, style).</summary>
    public static IEnumerable<(string BlockId, string ActionId, string Label, string Value, string? Style)> Buttons(JsonArray blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        foreach (var block in blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions"))
        {
            foreach (var element in (block["elements"] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return ((string?)block["block_id"] ?? string.Empty, (string?)element["action_id"] ?? string.Empty,
                    (string?)element["text"]?["text"] ?? string.Empty, (string?)element["value"] ?? string.Empty, (string?)element["style"]);
            }
        }
    }

    /// <summary>
    /// The 👍 / 👎 pairs of all context_actions blocks' feedback_buttons elements: (action_id, positive value, negative value).
    /// </summary>
    public static IEnumerable<(string ActionId, string Positive, string Negative)> FeedbackButtons(JsonArray blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        foreach (var block in blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "context_actions"))
        {
            foreach (var element in (block["elements"] as JsonArray ?? []).OfType<JsonObject>().Where(e => (string?)e["type"] == "feedback_buttons"))
            {
                yield return ((string?)element["action_id"] ?? string.Empty,
                    (string?)element["positive_button"]?["value"] ?? string.Empty, (string?)element["negative_button"]?["value"] ?? string.Empty);
            }
        }
    }

    /// <summary>The Slack error a real workspace would give for these blocks, or null when they are within limits.</summary>
    public static string? LimitError(JsonArray? blocks, string? text)
    {
        if (text is { Length: > 40_000 })
        {
            return "msg_too_long";
        }

        if (blocks is null || blocks.Count == 0)
        {
            return string.IsNullOrEmpty(text) ? "no_text" : null;
        }

        if (blocks.Count > 50)
        {
            return "invalid_blocks";
        }

        foreach (var block in blocks.OfType<JsonObject>())
        {
            var type = (string?)block["type"];
            var blockText = (string?)block["text"]?["text"];
            switch (type)
            {
                case "section" when blockText is null || blockText.Length == 0 || blockText.Length > 3000:
                case "header" when blockText is null || blockText.Length > 150:
                case "actions" when block["elements"] is not JsonArray { Count: > 0 and <= 25 }:
                    return "invalid_blocks";
                // https://docs.slack.dev/reference/block-kit/blocks/context-actions-block: 1–5 feedback_buttons or icon_button
                // elements; https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element: both buttons
                // required, plain_text text of at most 75 characters, a value of at most 2000.
                case "context_actions" when block["elements"] is not JsonArray { Count: > 0 and <= 5 } elements
                    || elements.OfType<JsonObject>().Any(e => (string?)e["type"] is not ("feedback_buttons" or "icon_button"))
                    || elements.OfType<JsonObject>().Where(e => (string?)e["type"] == "feedback_buttons")
                        .Any(e => !IsFeedbackButton(e["positive_button"]) || !IsFeedbackButton(e["negative_button"])):
                    return "invalid_blocks";
                case "actions":
                    var ids = ((JsonArray)block["elements"]!).OfType<JsonObject>().Select(e => (string?)e["action_id"]).ToList();
                    if (ids.Distinct().Count() != ids.Count
                        || ((JsonArray)block["elements"]!).OfType<JsonObject>().Any(e => ((string?)e["value"])?.Length > 2000 || ((string?)e["text"]?["text"])?.Length > 75))
                    {
                        return "invalid_blocks";
                    }

                    break;
            }
        }

        return null;
    }

    private static bool IsFeedbackButton(JsonNode? button) =>
        button is JsonObject
        && (string?)button["text"]?["type"] == "plain_text"
        && ((string?)button["text"]?["text"])?.Length is > 0 and <= 75
        && ((string?)button["value"])?.Length is > 0 and <= 2000;
}
