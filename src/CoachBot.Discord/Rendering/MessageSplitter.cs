namespace CoachBot.Discord.Rendering;

/// <summary>
/// Splits text into Discord messages of at most <see cref="MaxLength"/> characters, preferring paragraph breaks, then
/// line breaks, then spaces; a code block cut in two is closed and reopened so both halves render as code.
/// </summary>
public static class MessageSplitter
{
    public const int MaxLength = 2000;
    private const string Fence = "```";

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 50);
        var chunks = new List<string>();
        var remaining = text.Trim();
        // Room for closing a code fence at the end of a chunk.
        var budget = maxLength - (Fence.Length + 1);
        while (remaining.Length > maxLength)
        {
            var cut = FindCut(remaining, budget);
            var chunk = remaining[..cut].TrimEnd();
            remaining = remaining[cut..].TrimStart('\n', '\r');
            if (CountFences(chunk) % 2 == 1)
            {
                chunk += "\n" + Fence;
                remaining = Fence + "\n" + remaining;
            }

            if (chunk.Length > 0)
            {
                chunks.Add(chunk);
            }
        }

        if (remaining.Trim().Length > 0)
        {
            chunks.Add(remaining);
        }

        return chunks;
    }

    private static int FindCut(string text, int budget)
    {
        var cut = FindBreak(text, budget);
        // A link cut in two is two harmless pieces of text, but it is no longer a link: keep it whole when it fits.
        var open = text.LastIndexOf('[', cut - 1, Math.Min(cut, 512));
        if (open > budget / 3 && text.IndexOf("](", open, cut - open, StringComparison.Ordinal) is var arrow
            && (arrow < 0 || text.IndexOf(')', arrow, cut - arrow) < 0))
        {
            var close = arrow < 0 ? text.IndexOf("](", cut, Math.Min(text.Length - cut, 512), StringComparison.Ordinal) : arrow;
            if (close >= 0 && text.IndexOf('\n', open, close - open) < 0)
            {
                return open;
            }
        }

        return cut;
    }

    private static int FindBreak(string text, int budget)
    {
        var window = text.AsSpan(0, budget);
        var minimum = budget / 3;
        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph >= minimum)
        {
            return paragraph + 1;
        }

        var line = window.LastIndexOf('\n');
        if (line >= minimum)
        {
            return line + 1;
        }

        var space = window.LastIndexOf(' ');
        if (space >= minimum)
        {
            return space + 1;
        }

        return char.IsHighSurrogate(text[budget - 1]) ? budget - 1 : budget;
    }

    private static int CountFences(string text)
    {
        var count = 0;
        for (var i = text.IndexOf(Fence, StringComparison.Ordinal); i >= 0; i = text.IndexOf(Fence, i + Fence.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
