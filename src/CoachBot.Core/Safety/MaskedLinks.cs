using System.Text;

namespace CoachBot.Core.Safety;

/// <summary>
/// Shows where links in model-written text go. A masked Markdown link <c>[label](https://host/…)</c> (also with
/// <c>&lt;url&gt;</c> or a title as the destination) becomes the visible text <c>label (https://host/…)</c> unless its host is on the <see cref="LinkAllowList"/>, so the model (or text it was
/// steered into writing) can never hide an address behind friendly words. A one-pass scan with cached look-aheads:
/// linear in the text's length, whatever the brackets. Model text is Markdown: any platform's own link syntax in it is
/// plain text here, and each renderer escapes it, so it reaches the reader as written, address included.
/// </summary>
public static class MaskedLinks
{
    // Each pass rewrites the innermost masked links; nesting deeper than this is left as plain text by the last pass.
    private const int MaxPasses = 4;

    public static string Reveal(string text, LinkAllowList allowed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allowed);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var next = RevealOnce(text, allowed);
            if (ReferenceEquals(next, text))
            {
                return text;
            }

            text = next;
        }

        return text;
    }

    private static string RevealOnce(string text, LinkAllowList allowed)
    {
        if (!text.Contains("](", StringComparison.Ordinal))
        {
            return text;
        }

        StringBuilder? output = null;
        var copied = 0;
        var labelStart = -1;
        var nextParen = -1;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\n':
                    labelStart = -1;
                    break;
                case '[':
                    labelStart = i;
                    break;
                case ']' when labelStart >= 0 && i + 1 < text.Length && text[i + 1] == '(':
                {
                    if (nextParen < i + 2)
                    {
                        nextParen = NextOf(text, i + 2, ')');
                    }

                    if (nextParen < text.Length && text[nextParen] == ')'
                        && TryAddress(Destination(text.AsSpan(i + 2, nextParen - i - 2)), out var uri, out var address))
                    {
                        if (!allowed.Allows(uri))
                        {
                            output ??= new StringBuilder(text.Length + 16);
                            output.Append(text, copied, labelStart - copied).Append(Visible(text[(labelStart + 1)..i], address));
                            copied = nextParen + 1;
                        }

                        i = nextParen;
                        labelStart = -1;
                    }

                    break;
                }
            }
        }

        if (output is null)
        {
            return text;
        }

        output.Append(text, copied, text.Length - copied);
        return output.ToString();
    }

    /// <summary>The index of <paramref name="wanted"/> or of the line break before it, or the text's length.</summary>
    private static int NextOf(string text, int from, char wanted)
    {
        var found = text.AsSpan(from).IndexOfAny(wanted, '\n');
        return found < 0 ? text.Length : from + found;
    }

    /// <summary>A Markdown link destination: <c>&lt;url&gt;</c>, or the url before an optional title.</summary>
    private static string Destination(ReadOnlySpan<char> raw)
    {
        var trimmed = raw.Trim();
        if (trimmed.StartsWith('<'))
        {
            var close = trimmed.IndexOf('>');
            return (close > 0 ? trimmed[1..close] : trimmed[1..]).Trim().ToString();
        }

        var space = trimmed.IndexOfAny(' ', '\t');
        return (space > 0 ? trimmed[..space] : trimmed).ToString();
    }

    /// <summary>An absolute address with a scheme a chat client would follow (http, https, mailto, or any other "scheme://").</summary>
    private static bool TryAddress(string candidate, out Uri uri, out string address)
    {
        address = candidate;
        if (candidate.Length > 0 && Uri.TryCreate(candidate, UriKind.Absolute, out var parsed) && parsed.Scheme != Uri.UriSchemeFile
            && candidate.Contains(':', StringComparison.Ordinal))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    private static string Visible(string label, string address)
    {
        var shown = label.Trim();
        return shown.Length == 0 || string.Equals(shown, address, StringComparison.OrdinalIgnoreCase) ? address : shown + " (" + address + ")";
    }
}
