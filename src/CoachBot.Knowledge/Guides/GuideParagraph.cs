namespace CoachBot.Knowledge.Guides;

/// <summary>
/// One paragraph or list item of a guide. <see cref="Text"/> is the guide's wording exactly as written (the list marker
/// excluded); <see cref="Markdown"/> is the source as written, list marker included, for display.
/// </summary>
public sealed record GuideParagraph(string Text, string Markdown, bool IsListItem, int Line)
{
    public int WordCount { get; } = CountWords(Text);

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }
}
