using System.Text;
using CoachBot.Core.Text;
using CoachBot.Discord.Models;

namespace CoachBot.Discord.Rendering;

/// <summary>
/// Turns a platform-neutral <see cref="Reply"/> into Discord messages: the title in bold, the Markdown text as is
/// (Discord Markdown is close enough), a "Sources" list, the footer as subtext, buttons in action rows on the last
/// message (👍 / 👎 in a row of their own under them), attachments uploaded with the last message (multipart <c>files[n]</c>), and the ephemeral flag. Text is split under 2000 characters; mass mentions are neutralised.
/// </summary>
public static class DiscordReplyRenderer
{
    /// <summary>Discord's limit on a message's content.</summary>
    public const int MaxMessageLength = 2000;

    /// <summary>Discord's limit on files per message.</summary>
    public const int MaxFiles = 10;

    public static string RenderText(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            text.Append("**").Append(reply.Title.ReplaceLineEndings(" ").Replace("**", string.Empty, StringComparison.Ordinal).Trim()).Append("**\n");
        }

        text.Append(reply.Text.Trim());
        var sources = reply.Sources.Distinct().ToList();
        if (sources.Count > 0)
        {
            text.Append("\n\n**Sources**");
            // Numbered to match the [n] markers answers put after quoted or cited text.
            for (var i = 0; i < sources.Count; i++)
            {
                text.Append("\n[").Append(i + 1).Append("] ").Append(sources[i].Display);
            }
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            text.Append("\n\n-# ").Append(reply.Footer.ReplaceLineEndings(" ").Trim());
        }

        return MentionGuard.Neutralise(text.ToString().Trim());
    }

    /// <summary>
    /// One or more messages for the reply. The first carries <paramref name="reference"/> (a reply to the question); the
    /// last carries the buttons. Every message is ephemeral when <paramref name="ephemeral"/> is set.
    /// </summary>
    public static IReadOnlyList<MessagePayload> Render(Reply reply, bool ephemeral, MessageReference? reference = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var chunks = TextSplitter.Split(RenderText(reply), MaxMessageLength, MarkdownLinkSpan.KeepWhole);
        if (chunks.Count == 0)
        {
            chunks = reply.Buttons.Count > 0 || reply.Feedback is not null || reply.Attachments.Count > 0 ? ["\u200B"] : [];
        }

        var components = ComponentLayout.WithFeedback(ComponentLayout.Build(reply.Buttons), reply.Feedback);
        var files = reply.Attachments.Take(MaxFiles).Select(a => new FileUpload(a.FileName, a.ContentType, a.Content)).ToList();
        var slots = reply.Attachments.Take(MaxFiles)
            .Select((a, i) => new AttachmentSlot(i, a.FileName, Clip(a.AltText, ReplyAttachment.MaxAltTextLength)))
            .ToList();
        var messages = new List<MessagePayload>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            messages.Add(new MessagePayload
            {
                Content = chunks[i],
                Flags = ephemeral ? MessageFlags.Ephemeral : null,
                MessageReference = i == 0 ? reference : null,
                Components = i == chunks.Count - 1 ? components : [],
                // Files ride on the last message, under the text that describes them.
                Attachments = i == chunks.Count - 1 && slots.Count > 0 ? slots : null,
                Files = i == chunks.Count - 1 ? files : [],
            });
        }

        return messages;
    }

    /// <summary>
    /// A reply's text while it is still being written (an answer streamed from the model): its first message's worth,
    /// with no sources or buttons yet, for editing the message that will hold the finished reply. The first post of a
    /// mention answered in the channel replies to the question (<paramref name="reference"/>).
    /// </summary>
    public static MessagePayload RenderSoFar(string markdown, MessageReference? reference = null)
    {
        var chunks = TextSplitter.Split(RenderText(new Reply { Text = markdown }), MaxMessageLength - 2, MarkdownLinkSpan.KeepWhole);
        var content = chunks.Count switch
        {
            0 => "\u200B",
            1 => chunks[0],
            _ => chunks[0] + " …",
        };
        return new MessagePayload { Content = content, Components = [], MessageReference = reference };
    }

    /// <summary>A form as a Discord modal: title ≤45, up to five text inputs.</summary>
    public static ModalData RenderModal(FormRequest form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new ModalData
        {
            CustomId = form.Id,
            Title = Clip(form.Title, 45),
            Components = form.Fields.Take(5).Select(f => new ModalLabel
            {
                Label = Clip(f.Label, 45),
                Component = new TextInputComponent
                {
                    CustomId = f.Id,
                    Style = f.Multiline ? 2 : 1,
                    Required = f.Required,
                    MaxLength = Math.Clamp(f.MaxLength, 1, 4000),
                    Placeholder = f.Placeholder is null ? null : Clip(f.Placeholder, 100),
                    Value = f.InitialValue is null ? null : Clip(f.InitialValue, 4000),
                },
            }).ToList(),
        };
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
