using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Core.Safety;
using CoachBot.Core.Text;
using CoachBot.Slack.Api;

namespace CoachBot.Slack.Rendering;

/// <summary>
/// The one rendering path from a core <see cref="Reply"/> to Slack messages: header for the title, mrkdwn sections
/// for the text, a context block for sources and the footer, actions blocks for buttons (value = the button id, the
/// state the handler checks), and a context_actions block with feedback_buttons for 👍 / 👎 under an answer. Every string goes through <see cref="SlackMrkdwn"/> escaping, and long replies become
/// several messages under Slack's limits.
/// </summary>
public static class SlackReplyRenderer
{
    /// <summary>The element type of Block Kit's 👍 / 👎 pair, and the type of the block action a click on it sends.</summary>
    public const string FeedbackButtonsType = "feedback_buttons";

    /// <summary>Renders a reply as one or more messages (empty when the reply has nothing to show).</summary>
    /// <paramref name="images"/> are uploaded files (the reply's attachments) shown as image blocks after the text.
    public static IReadOnlyList<SlackMessage> Render(Reply reply, string? extraText = null, IReadOnlyList<SlackImage>? images = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var markdown = extraText is null ? reply.Text : string.IsNullOrWhiteSpace(reply.Text) ? extraText : reply.Text + "\n\n" + extraText;
        var blocks = new List<JsonObject>();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            blocks.Add(Header(reply.Title));
        }

        foreach (var chunk in SplitText(SlackMrkdwn.FromMarkdown(markdown), SlackLimits.SectionText))
        {
            blocks.Add(Section(chunk));
        }

        if (reply.Sources.Count > 0)
        {
            // Numbered to match the [n] markers answers put after quoted or cited text.
            var sources = "Sources: " + string.Join(" · ", reply.Sources.Distinct().Select((s, i) => $"[{i + 1}] " + SlackMrkdwn.Escape(s.Display)));
            blocks.Add(Context(sources));
        }

        foreach (var image in images ?? [])
        {
            blocks.Add(Image(image));
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            blocks.Add(Context(SlackMrkdwn.FromMarkdown(reply.Footer)));
        }

        var disabled = reply.Buttons.Where(b => b.Disabled).ToList();
        if (disabled.Count > 0)
        {
            // Slack buttons cannot be disabled; show the choices as text so the message still reads right.
            blocks.Add(Context(string.Join(" · ", disabled.Select(b => SlackMrkdwn.Escape(ClipPlain(b.Label, SlackLimits.ButtonText))))));
        }

        var enabled = reply.Buttons.Where(b => !b.Disabled).ToList();
        for (var row = 0; row * SlackLimits.ButtonsPerRow < enabled.Count; row++)
        {
            blocks.Add(Actions(enabled.Skip(row * SlackLimits.ButtonsPerRow).Take(SlackLimits.ButtonsPerRow).ToList(), row));
        }

        if (reply.Feedback is { } feedback)
        {
            blocks.Add(FeedbackButtons(feedback));
        }

        if (blocks.Count == 0)
        {
            return [];
        }

        var fallbackSource = !string.IsNullOrWhiteSpace(reply.Title) ? reply.Title + ": " + markdown : markdown;
        var fallback = SlackMrkdwn.PlainFallback(fallbackSource, SlackLimits.FallbackText);
        if (fallback.Length == 0)
        {
            fallback = enabled.Count > 0 ? "Choose an option" : "CoachBot";
        }

        return Group(blocks, fallback);
    }

    /// <summary>
    /// An image block showing an uploaded file by id (https://docs.slack.dev/reference/block-kit/blocks/image-block,
    /// slack_file: https://docs.slack.dev/reference/block-kit/composition-objects/slack-file-object); alt text is plain
    /// text, at most 2000 characters.
    /// </summary>
    private static JsonObject Image(SlackImage image) => new()
    {
        ["type"] = "image",
        ["slack_file"] = new JsonObject { ["id"] = image.FileId },
        ["alt_text"] = ClipPlain(image.AltText, SlackLimits.ImageAltText),
        ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = ClipPlain(image.Title, SlackLimits.ImageTitle) },
    };

    /// <summary>A modal for a core form: one input block per field (block_id = field id, action_id "value").</summary>
    public static JsonObject RenderModal(FormRequest form, string privateMetadata)
    {
        ArgumentNullException.ThrowIfNull(form);
        var blocks = new JsonArray();
        foreach (var field in form.Fields.Take(SlackLimits.BlocksPerModal))
        {
            var element = new JsonObject
            {
                ["type"] = "plain_text_input",
                ["action_id"] = "value",
                ["multiline"] = field.Multiline,
                ["max_length"] = Math.Clamp(field.MaxLength, 1, SlackLimits.ModalInputMaxLength),
            };
            if (!string.IsNullOrEmpty(field.Placeholder))
            {
                element["placeholder"] = PlainText(field.Placeholder, 150);
            }

            if (!string.IsNullOrEmpty(field.InitialValue))
            {
                element["initial_value"] = InputText.Truncate(field.InitialValue, SlackLimits.ModalInputMaxLength);
            }

            blocks.Add(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = InputText.Truncate(field.Id, 255),
                ["optional"] = !field.Required,
                ["label"] = PlainText(field.Label, 2000),
                ["element"] = element,
            });
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = InputText.Truncate(form.Id, 255),
            ["title"] = PlainText(form.Title, SlackLimits.ModalTitle),
            ["submit"] = PlainText("Submit", SlackLimits.ModalTitle),
            ["close"] = PlainText("Cancel", SlackLimits.ModalTitle),
            ["private_metadata"] = InputText.Truncate(privateMetadata, SlackLimits.ModalPrivateMetadata),
            ["blocks"] = blocks,
        };
    }

    /// <summary>Splits mrkdwn into pieces of at most <paramref name="max"/> characters (the shared splitter with mrkdwn's own rule for links and escapes).</summary>
    public static IReadOnlyList<string> SplitText(string mrkdwn, int max) => TextSplitter.Split(mrkdwn, max, MrkdwnSpans.KeepWhole);

    private static List<SlackMessage> Group(List<JsonObject> blocks, string fallback)
    {
        var messages = new List<SlackMessage>();
        var current = new List<JsonObject>();
        var textInCurrent = 0;
        foreach (var block in blocks)
        {
            var weight = block["text"] is JsonObject text && text["text"] is JsonValue value ? value.GetValue<string>().Length : 0;
            if (current.Count > 0 && (current.Count + 1 > SlackLimits.BlocksPerMessage || textInCurrent + weight > SlackLimits.SectionTextPerMessage))
            {
                messages.Add(new SlackMessage(messages.Count == 0 ? fallback : "(continued) " + fallback, current));
                current = [];
                textInCurrent = 0;
            }

            current.Add(block);
            textInCurrent += weight;
        }

        if (current.Count > 0)
        {
            messages.Add(new SlackMessage(messages.Count == 0 ? fallback : "(continued) " + fallback, current));
        }

        return messages;
    }

    private static JsonObject Header(string title) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(title, SlackLimits.HeaderText),
    };

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.Neutralise(mrkdwn) },
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject
        {
            ["type"] = "mrkdwn",
            ["text"] = SlackMrkdwn.Neutralise(ClipEscaped(mrkdwn, SlackLimits.ContextText)),
        }),
    };

    private static JsonObject Actions(List<ReplyButton> buttons, int row)
    {
        var elements = new JsonArray();
        for (var i = 0; i < buttons.Count; i++)
        {
            var button = buttons[i];
            var element = new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = "btn_" + (row * SlackLimits.ButtonsPerRow + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["text"] = PlainText(button.Label, SlackLimits.ButtonText),
                ["value"] = InputText.Truncate(button.Id, SlackLimits.ButtonValue),
            };
            var style = button.Style switch
            {
                ButtonStyle.Primary or ButtonStyle.Success => "primary",
                ButtonStyle.Danger => "danger",
                _ => null,
            };
            if (style is not null)
            {
                element["style"] = style;
            }

            elements.Add(element);
        }

        return new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = "actions_" + row.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["elements"] = elements,
        };
    }

    /// <summary>
    /// 👍 / 👎 as Block Kit's feedback buttons: a <c>feedback_buttons</c> element in a <c>context_actions</c> block
    /// (https://docs.slack.dev/reference/block-kit/blocks/context-actions-block). Each button's value is the core button
    /// id (<c>fb:up|down:&lt;answer&gt;</c>); a click arrives as a block action of type <c>feedback_buttons</c> carrying
    /// the clicked button's value.
    /// </summary>
    private static JsonObject FeedbackButtons(ReplyFeedback feedback) => new()
    {
        ["type"] = "context_actions",
        ["block_id"] = "feedback",
        ["elements"] = new JsonArray(new JsonObject
        {
            ["type"] = FeedbackButtonsType,
            ["action_id"] = "feedback",
            ["positive_button"] = new JsonObject
            {
                ["text"] = PlainText(ReplyFeedback.UpLabel, SlackLimits.ButtonText),
                ["accessibility_label"] = "Good answer",
                ["value"] = feedback.UpButtonId,
            },
            ["negative_button"] = new JsonObject
            {
                ["text"] = PlainText(ReplyFeedback.DownLabel, SlackLimits.ButtonText),
                ["accessibility_label"] = "Bad answer",
                ["value"] = feedback.DownButtonId,
            },
        }),
    };

    /// <summary>plain_text is never parsed for mentions, but we still neutralise broadcast syntax so nothing looks like one.</summary>
    private static JsonObject PlainText(string text, int max) => new()
    {
        ["type"] = "plain_text",
        ["text"] = ClipPlain(PlainSafe(text), max),
        ["emoji"] = true,
    };

    private static string PlainSafe(string text)
    {
        var clean = InputText.Clean(text).Replace('\n', ' ');
        clean = clean.Replace("<!", "‹!", StringComparison.Ordinal).Replace("<@", "‹@", StringComparison.Ordinal);
        return clean.Length == 0 ? " " : clean;
    }

    private static string ClipPlain(string text, int max) =>
        text.Length <= max ? text : InputText.Truncate(text, max - 1) + "…";

    private static string ClipEscaped(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // At a word if one ends in the last part, never inside a link, an escape or a surrogate pair.
        var room = max - 1;
        var space = text.LastIndexOf(' ', room - 1, Math.Min(room, 200));
        var cut = MrkdwnSpans.KeepWhole(text, 0, space > room / 2 ? space + 1 : room);
        if (cut > 1 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..Math.Max(1, cut)].TrimEnd() + "…";
    }
}
