namespace CoachBot.Testing.Safety;

/// <summary>
/// 100 KB inputs built to make Markdown parsers and regular expressions backtrack: long whitespace runs, nested and
/// unbalanced brackets, asterisks, underscores and backticks, unterminated links, heading lines with a space run before
/// the last word. Shared by the renderer tests and the renderer benchmark (linked into bench/).
/// </summary>
public static class PathologicalText
{
    public const int Size = 100 * 1024;

    public static IReadOnlyList<(string Name, string Text)> All { get; } =
    [
        ("heading-space-run", "# x" + new string(' ', Size) + "y"),
        ("heading-tab-run", "## x" + new string('\t', Size) + "y ##"),
        ("space-run", "a" + new string(' ', Size) + "b"),
        ("open-brackets", new string('[', Size)),
        ("open-angles", new string('<', Size)),
        ("stars", new string('*', Size)),
        ("underscores", new string('_', Size)),
        ("backticks", new string('`', Size)),
        ("tildes", new string('~', Size)),
        ("star-words", Repeat("*a ", Size)),
        ("underscore-words", Repeat("__a ", Size)),
        ("bold-pairs-unclosed", Repeat("** x ", Size)),
        ("unterminated-links", Repeat("[a](https://evil.example/", Size)),
        ("link-openers", Repeat("](", Size)),
        ("nested-links", Repeat("[", Size / 4) + "x](https://evil.example/x)" + Repeat(")", Size / 4)),
        ("slack-link-openers", Repeat("<https://evil.example/x|", Size)),
        ("mentions", Repeat("<!subteam^", Size)),
        ("rule-like", "-" + new string(' ', Size) + "x"),
        ("bullets-deep", Repeat(" ", Size) + "- item"),
        ("many-lines", Repeat("# h  \n\n\n* a *b* **c** __d__ ~~e~~ `f` [g](https://evil.example/g)\n", Size)),
        ("spaces-before-punctuation", "a" + new string(' ', Size) + "x"),
    ];

    private static string Repeat(string piece, int size)
    {
        var text = new System.Text.StringBuilder(size + piece.Length);
        while (text.Length < size)
        {
            text.Append(piece);
        }

        return text.ToString();
    }
}
