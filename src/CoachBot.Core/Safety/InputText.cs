using System.Globalization;
using System.Text;

namespace CoachBot.Core.Safety;

/// <summary>
/// Cleans untrusted text before any feature sees it: drops control, zero-width and bidirectional-override characters
/// (which hide or reorder text) and lone surrogates, normalises to NFC, collapses runs of whitespace and trims.
/// </summary>
public static class InputText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Normalize throws on invalid UTF-16, so lone surrogates (a broken pair) go first.
        var normalized = WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var lastWasSpace = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                // Keep line breaks (they matter in interview answers and submissions); fold other whitespace.
                var isBreak = rune.Value == '\n';
                if (isBreak)
                {
                    TrimTrailingSpaces(builder);
                    builder.Append('\n');
                    lastWasSpace = true;
                }
                else if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            if (IsInvisibleOrControl(rune))
            {
                continue;
            }

            builder.Append(rune.ToString());
            lastWasSpace = false;
        }

        return CollapseBlankLines(builder.ToString()).Trim();
    }

    /// <summary>Cuts text to at most <paramref name="maxLength"/> characters without splitting a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut];
    }

    internal static string WithoutLoneSurrogates(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (!paired)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }

            builder?.Append(c);
        }

        return builder?.ToString() ?? text;
    }

    internal static bool IsInvisibleOrControl(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
    }

    private static void TrimTrailingSpaces(StringBuilder builder)
    {
        while (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }
    }

    private static string CollapseBlankLines(string text)
    {
        var builder = new StringBuilder(text.Length);
        var newlines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                newlines++;
                if (newlines > 2)
                {
                    continue;
                }
            }
            else if (c != ' ')
            {
                newlines = 0;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
