namespace CoachBot.Core.Replies.Formatting;

/// <summary>
/// Recognises Markdown block lines (ATX headings, horizontal rules) by scanning once, left to right. Renderers see model
/// and user text, and the obvious regular expressions for these lines backtrack polynomially on long runs of spaces
/// (<c>"# x" + 4,000 spaces + "y"</c> took 21 s); these scans are linear in the line's length.
/// </summary>
public static class MarkdownLines
{
    /// <summary>
    /// An ATX heading: up to three spaces of indent, one to six <c>#</c>, at least one space, the text; a closing run of
    /// <c>#</c> after a space is dropped ("## Title ##" is "Title", "# C#" stays "C#").
    /// </summary>
    public static bool TryHeading(string line, out string text)
    {
        ArgumentNullException.ThrowIfNull(line);
        text = string.Empty;
        var i = SkipIndent(line);
        var hashes = 0;
        while (i < line.Length && line[i] == '#')
        {
            hashes++;
            i++;
        }

        if (hashes is 0 or > 6 || i >= line.Length || !IsBlank(line[i]))
        {
            return false;
        }

        var end = TrimmedEnd(line, i);
        var closing = end;
        while (closing > i && line[closing - 1] == '#')
        {
            closing--;
        }

        if (closing < end && (closing == i || IsBlank(line[closing - 1])))
        {
            end = TrimmedEnd(line, i, closing);
        }

        var start = i;
        while (start < end && IsBlank(line[start]))
        {
            start++;
        }

        text = line[start..end];
        return true;
    }

    /// <summary>A thematic break: up to three spaces of indent, then three or more of the same <c>-</c>, <c>*</c> or <c>_</c>, spaces allowed between.</summary>
    public static bool IsHorizontalRule(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var i = SkipIndent(line);
        if (i >= line.Length || line[i] is not ('-' or '*' or '_'))
        {
            return false;
        }

        var mark = line[i];
        var count = 0;
        for (; i < line.Length; i++)
        {
            if (line[i] == mark)
            {
                count++;
            }
            else if (!IsBlank(line[i]))
            {
                return false;
            }
        }

        return count >= 3;
    }

    private static int SkipIndent(string line)
    {
        var i = 0;
        while (i < 3 && i < line.Length && IsBlank(line[i]))
        {
            i++;
        }

        return i;
    }

    private static int TrimmedEnd(string line, int floor, int end = -1)
    {
        end = end < 0 ? line.Length : end;
        while (end > floor && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
