namespace CoachBot.Core.Replies;

/// <summary>
/// One message from the coach, platform-neutral. <see cref="Text"/> is Markdown (bold, italics, code, lists, quotes);
/// adapters render it (Discord Markdown, Slack mrkdwn, terminal plain text), render <see cref="Sources"/> as a
/// Sources list, <see cref="Buttons"/> as native buttons, <see cref="Attachments"/> as uploaded files, and never let it ping anyone.
/// </summary>
public sealed record Reply
{
    public string Text { get; init; } = string.Empty;

    /// <summary>An optional heading shown above the text (e.g. "Quiz · Question 2/5").</summary>
    public string? Title { get; init; }

    /// <summary>
    /// What the text cites. When the text holds a horizontal rule (a line of <c>---</c>), the sources belong to the part
    /// before the first one (a quiz explanation, ahead of the next question); adapters that print sources inline put
    /// them there.
    /// </summary>
    public IReadOnlyList<Citation> Sources { get; init; } = [];

    /// <summary>Buttons, in order; adapters lay them out in rows of at most five.</summary>
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>Files sent with the reply (a chart), in order; see <see cref="ReplyAttachment"/>.</summary>
    public IReadOnlyList<ReplyAttachment> Attachments { get; init; } = [];

    public ReplyVisibility Visibility { get; init; } = ReplyVisibility.Public;

    public ReplyPlacement Placement { get; init; } = ReplyPlacement.Reply;

    /// <summary>A short note under the text (e.g. "LLM unavailable, answered from the guide").</summary>
    public string? Footer { get; init; }

    /// <summary>When set, the adapter opens this form instead of (or, where it cannot, in addition to) posting the text.</summary>
    public FormRequest? Form { get; init; }

    public static Reply Public(string text) => new() { Text = text };

    public static Reply Ephemeral(string text) => new() { Text = text, Visibility = ReplyVisibility.Ephemeral };

    public static IReadOnlyList<Reply> One(Reply reply) => [reply];
}
