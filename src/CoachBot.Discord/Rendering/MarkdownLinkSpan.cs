namespace CoachBot.Discord.Rendering;

/// <summary>
/// The splitter rule for Discord messages: a Markdown link (<c>[label](url)</c>) cut in two is two harmless pieces of
/// text, but no longer a link, so the cut moves before its '[' when the link would fit in the next message.
/// </summary>
internal static class MarkdownLinkSpan
{
    private const int LookBehind = 512;

    public static int KeepWhole(string text, int from, int cut)
    {
        var window = Math.Min(cut - from, LookBehind);
        if (window <= 0)
        {
            return cut;
        }

        var open = text.LastIndexOf('[', cut - 1, window);
        if (open <= from + (cut - from) / 3)
        {
            return cut;
        }

        var arrow = text.IndexOf("](", open, cut - open, StringComparison.Ordinal);
        if (arrow >= 0 && text.IndexOf(')', arrow, cut - arrow) >= 0)
        {
            // The link closes before the cut.
            return cut;
        }

        var close = arrow >= 0 ? arrow : text.IndexOf("](", cut, Math.Min(text.Length - cut, LookBehind), StringComparison.Ordinal);
        return close >= 0 && text.IndexOf('\n', open, close - open) < 0 ? open : cut;
    }
}
