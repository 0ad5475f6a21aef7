namespace CoachBot.Core.Replies;

/// <summary>
/// A choice the person can click. <see cref="Id"/> is built with <see cref="ButtonId"/> (at most 100 characters) and
/// names server-side state; labels are plain text (at most 80 characters).
/// </summary>
public sealed record ReplyButton(string Id, string Label, ButtonStyle Style = ButtonStyle.Secondary, bool Disabled = false)
{
    public const int MaxLabelLength = 80;
}
