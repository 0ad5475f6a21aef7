namespace CoachBot.Core.Text;

/// <summary>
/// Splits text into pieces of at most a given length, for platforms that cap a message or a block. Cuts at a paragraph
/// break if there is one in the last two thirds of the room, else a line break, else the end of a sentence, else a
/// space, else hard (never between the halves of a surrogate pair). A code fence cut in two is closed at the end of one
/// piece and reopened at the start of the next, so both render as code. The platform's <see cref="KeepWhole"/> rule
/// keeps its own markup (links, escapes) in one piece.
/// </summary>
public static class TextSplitter
{
    /// <summary>The smallest limit accepted: room for a fence on each side and still some text.</summary>
    public const int MinimumLength = 50;

    private const string Fence = "```";

    // Room kept at the end of every piece for closing a fence the cut falls inside.
    private const int FenceReserve = 4;

    public static IReadOnlyList<string> Split(string text, int maxLength, KeepWhole? keepWhole = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinimumLength);
        var pieces = new List<string>();
        var (start, end) = TrimmedBounds(text);
        var reopen = string.Empty;
        // Offsets into the text, not shorter copies per piece: a 100 KB input stays linear.
        while (reopen.Length + (end - start) > maxLength)
        {
            var limit = start + maxLength - FenceReserve - reopen.Length;
            var cut = FindBreak(text, start, limit);
            if (keepWhole?.Invoke(text, start, cut) is { } kept && kept > start && kept < cut)
            {
                cut = kept;
            }

            if (cut - 1 > start && char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            var piece = reopen + text[start..cut].TrimEnd();
            reopen = string.Empty;
            if (CountFences(piece) % 2 == 1)
            {
                piece += "\n" + Fence;
                reopen = Fence + "\n";
            }

            if (!string.IsNullOrWhiteSpace(piece))
            {
                pieces.Add(piece);
            }

            start = cut;
            while (start < end && text[start] is '\n' or '\r')
            {
                start++;
            }
        }

        var last = reopen + text[start..end];
        if (!string.IsNullOrWhiteSpace(last))
        {
            pieces.Add(last);
        }

        return pieces;
    }

    private static (int Start, int End) TrimmedBounds(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>The index the piece starting at <paramref name="start"/> ends at, at most <paramref name="limit"/>.</summary>
    private static int FindBreak(string text, int start, int limit)
    {
        var window = text.AsSpan(start, limit - start);
        // A break in the first third would make a short piece and many of them; cut hard rather than that.
        var minimum = window.Length / 3;
        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph >= minimum)
        {
            return start + paragraph + 1;
        }

        var line = window.LastIndexOf('\n');
        if (line >= minimum)
        {
            return start + line + 1;
        }

        var sentence = LastSentenceEnd(window);
        if (sentence >= minimum)
        {
            return start + sentence + 1;
        }

        var space = window.LastIndexOf(' ');
        if (space >= minimum)
        {
            return start + space + 1;
        }

        return limit;
    }

    /// <summary>The index of the space after the last '.', '!' or '?' that ends a sentence in the window, or -1.</summary>
    private static int LastSentenceEnd(ReadOnlySpan<char> window)
    {
        for (var i = window.Length - 1; i > 0; i--)
        {
            if (window[i] == ' ' && window[i - 1] is '.' or '!' or '?')
            {
                return i;
            }
        }

        return -1;
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
