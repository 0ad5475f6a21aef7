using System.Text;

namespace CoachBot.Core.Safety;

/// <summary>
/// Model output is data, cleaned like user text before any renderer sees it: no control, zero-width or bidi-override
/// characters, NFC, runs of spaces and tabs collapsed, at most one blank line in a row, masked links to hosts off the
/// allow-list shown with their address (<see cref="MaskedLinks"/>). Fenced code blocks keep their spacing (indentation
/// is their meaning); only trailing spaces and long runs of blank lines go there.
/// </summary>
public static class ModelText
{
    private const string Fence = "```";
    private const int MaxIndent = 8;
    private const int MaxBlankLinesInCode = 2;

    public static string Clean(string? text, LinkAllowList allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = InputText.WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormC)
            .Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var output = new StringBuilder(normalized.Length);
        var line = new StringBuilder();
        var inFence = false;
        var blankRun = 0;
        foreach (var rawLine in normalized.Split('\n'))
        {
            line.Clear();
            var isFence = rawLine.AsSpan().TrimStart().StartsWith(Fence, StringComparison.Ordinal);
            if (inFence && !isFence)
            {
                AppendCode(line, rawLine);
            }
            else
            {
                AppendProse(line, rawLine);
            }

            var cleaned = inFence && !isFence ? line.ToString() : MaskedLinks.Reveal(line.ToString(), allowed);
            if (cleaned.Length == 0)
            {
                blankRun++;
                if (blankRun > (inFence ? MaxBlankLinesInCode : 1))
                {
                    continue;
                }
            }
            else
            {
                blankRun = 0;
            }

            output.Append(cleaned).Append('\n');
            if (isFence)
            {
                inFence = !inFence;
            }
        }

        return output.ToString().Trim('\n', ' ');
    }

    /// <summary>Prose: indentation kept (capped, tabs as four spaces) for nested lists; inner runs of whitespace become one space.</summary>
    private static void AppendProse(StringBuilder line, string raw)
    {
        var indent = 0;
        var leading = true;
        var pendingSpace = false;
        foreach (var rune in raw.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (leading)
                {
                    indent += rune.Value == '\t' ? 4 : 1;
                }
                else
                {
                    pendingSpace = true;
                }

                continue;
            }

            if (InputText.IsInvisibleOrControl(rune))
            {
                continue;
            }

            if (leading)
            {
                line.Append(' ', Math.Min(indent, MaxIndent));
                leading = false;
            }
            else if (pendingSpace)
            {
                line.Append(' ');
            }

            pendingSpace = false;
            line.Append(rune.ToString());
        }
    }

    /// <summary>Code: every space and tab kept; control characters dropped; trailing whitespace trimmed.</summary>
    private static void AppendCode(StringBuilder line, string raw)
    {
        foreach (var rune in raw.EnumerateRunes())
        {
            if (rune.Value == '\t' || rune.Value == ' ' || !InputText.IsInvisibleOrControl(rune))
            {
                line.Append(rune.ToString());
            }
        }

        while (line.Length > 0 && char.IsWhiteSpace(line[^1]))
        {
            line.Length--;
        }
    }
}
