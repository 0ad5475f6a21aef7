namespace CoachBot.Ai.Answers;

/// <summary>
/// Splits passage text into sentences that are exact substrings of it: list markers and heading marks are dropped
/// from the start of a line, nothing inside a sentence is changed. Abbreviations such as "U.S." or "e.g." do not end
/// a sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g.", "i.e.", "etc.", "vs.", "mr.", "mrs.", "ms.", "dr.", "st.", "no.", "approx.", "inc.", "ltd.", "jr.", "sr.",
    };

    public static IReadOnlyList<string> Split(string text) => SplitLines(text).Select(s => s.Text).ToArray();

    /// <summary>
    /// The sentences with where they stand: the line they come from and whether that line is a list item, so a lead-in
    /// ("These skills include:") can be kept together with the list it introduces.
    /// </summary>
    public static IReadOnlyList<GuideSentence> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<GuideSentence>();
        var lineNumber = -1;
        foreach (var rawLine in text.Split('\n'))
        {
            var trimmedLine = rawLine.Trim();
            var line = StripLineMarker(trimmedLine);
            if (line.Length == 0)
            {
                continue;
            }

            lineNumber++;
            var isListItem = IsListLine(trimmedLine);

            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] is not ('.' or '!' or '?') || !IsBoundary(line, i))
                {
                    continue;
                }

                var end = i + 1;
                while (end < line.Length && line[end] is '"' or '\'' or '”' or '’' or ')')
                {
                    end++;
                }

                Add(sentences, line[start..end], lineNumber, isListItem);
                start = end;
                i = end - 1;
            }

            Add(sentences, line[start..], lineNumber, isListItem);
        }

        return sentences;
    }

    private static bool IsListLine(string line)
    {
        if (line.Length > 1 && line[0] is '-' or '*' or '+' && line[1] == ' ')
        {
            return true;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ';
    }

    private static bool IsBoundary(string line, int index)
    {
        var next = index + 1;
        while (next < line.Length && line[next] is '"' or '\'' or '”' or '’' or ')')
        {
            next++;
        }

        if (next >= line.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(line[next]))
        {
            return false; // "3.5", "Node.js", "U.S."
        }

        var after = next;
        while (after < line.Length && char.IsWhiteSpace(line[after]))
        {
            after++;
        }

        if (after >= line.Length || !(char.IsUpper(line[after]) || char.IsDigit(line[after]) || line[after] is '"' or '“' or '‘' or '('))
        {
            return false;
        }

        if (line[index] != '.')
        {
            return true;
        }

        var wordStart = index;
        while (wordStart > 0 && !char.IsWhiteSpace(line[wordStart - 1]))
        {
            wordStart--;
        }

        var word = line[wordStart..(index + 1)].TrimStart('(', '"', '“');
        var isInitial = word.Length == 2 && char.IsUpper(word[0]);
        var hasInnerDot = word.IndexOf('.', StringComparison.Ordinal) < word.Length - 1;
        return !Abbreviations.Contains(word) && !isInitial && !hasInnerDot;
    }

    private static string StripLineMarker(string line)
    {
        if (line.StartsWith('#'))
        {
            return line.TrimStart('#').TrimStart();
        }

        if (line.Length > 1 && line[0] is '-' or '*' or '+' or '>' && line[1] == ' ')
        {
            return line[2..].TrimStart();
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' '
            ? line[(digits + 2)..].TrimStart()
            : line;
    }

    private static void Add(List<GuideSentence> sentences, string sentence, int line, bool isListItem)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 1)
        {
            sentences.Add(new GuideSentence(trimmed, line, isListItem));
        }
    }
}
