using System.Collections.Frozen;
using System.Text;
using CoachBot.Core.Dispatch;

namespace CoachBot.Slack.Commands;

/// <summary>
/// Shows the Slack name of a renamed command wherever a reply tells the member what to type: the core writes
/// <c>`/remind off`</c> and <c>Type `/help`</c> as on every platform, and on Slack that reads <c>`/coach-remind off`</c>
/// and <c>Type `/coach-help`</c> (<see cref="SlackCommandNames"/>).
/// <para>
/// Why a rewrite here rather than a marker in the core: the core mentions commands in some eighty strings across
/// every feature, in usage lines it builds from the definitions, and in text the parser writes; marking each one would
/// touch all of them and every renderer, for the sake of one platform. The rewrite is narrow instead: only the
/// coach's own commands that Slack renames (today /feedback, /help, /remind), only as a whole <c>/name</c> token
/// that starts a word (not <c>https://x.com/remind</c>, <c>a/help</c> or <c>/helpers</c>), inside inline code too (the
/// core puts what to type there), never inside a fenced code block (code an answer quotes).
/// </para>
/// </summary>
public sealed class SlackCommandMentions(Lazy<CommandCatalog> catalog)
{
    private FrozenSet<string>? _renamed;

    /// <summary>The coach's commands that Slack knows by another name.</summary>
    public IReadOnlySet<string> Renamed => _renamed ??= catalog.Value.Definitions
        .Select(d => d.Name)
        .Where(SlackCommandNames.IsBuiltIn)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The reply with every mention of a renamed command in its text, title, footer, buttons and form fallback rewritten.</summary>
    public Reply InReply(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var names = Renamed;
        if (names.Count == 0)
        {
            return reply;
        }

        return reply with
        {
            Text = Rewrite(reply.Text, names),
            Title = reply.Title is null ? null : Rewrite(reply.Title, names),
            Footer = reply.Footer is null ? null : Rewrite(reply.Footer, names),
            Buttons = reply.Buttons.Count == 0 ? reply.Buttons : [.. reply.Buttons.Select(b => b with { Label = Rewrite(b.Label, names) })],
            Form = reply.Form is { } form ? form with { FallbackText = Rewrite(form.FallbackText, names) } : null,
        };
    }

    /// <summary>
    /// <paramref name="markdown"/> with each <c>/name</c> of <paramref name="names"/> (whole token, starting a word,
    /// outside fenced code blocks) replaced by its Slack name. One scan, no regex.
    /// </summary>
    public static string Rewrite(string markdown, IReadOnlySet<string> names)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0 || !markdown.Contains('/', StringComparison.Ordinal))
        {
            return markdown;
        }

        var output = new StringBuilder(markdown.Length + 16);
        var inFence = false;
        var lineStart = 0;
        while (lineStart <= markdown.Length)
        {
            var newline = markdown.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? markdown.Length : newline;
            var line = markdown.AsSpan(lineStart, lineEnd - lineStart);
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                output.Append(line);
            }
            else if (inFence)
            {
                output.Append(line);
            }
            else
            {
                RewriteLine(line, names, output);
            }

            if (newline < 0)
            {
                break;
            }

            output.Append('\n');
            lineStart = newline + 1;
        }

        return output.ToString();
    }

    private static void RewriteLine(ReadOnlySpan<char> line, IReadOnlySet<string> names, StringBuilder output)
    {
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '/' && (i == 0 || StartsWord(line[i - 1])))
            {
                var end = i + 1;
                while (end < line.Length && IsNameChar(line[end]))
                {
                    end++;
                }

                var name = line[(i + 1)..end].ToString();
                if (end > i + 1 && (end == line.Length || !ContinuesToken(line[end])) && names.Contains(name))
                {
                    output.Append('/').Append(SlackCommandNames.ToSlack(name));
                    i = end;
                    continue;
                }
            }

            output.Append(c);
            i++;
        }
    }

    // What may stand right before a command's slash: a space, or an opening mark (code, emphasis, quote, bracket).
    private static bool StartsWord(char c) => char.IsWhiteSpace(c) || c is '`' or '(' or '[' or '"' or '\'' or '*' or '_' or '~' or '>' or '“' or '‘';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    // After the name: what would make it part of a path (/help/faq) rather than a command.
    private static bool ContinuesToken(char c) => c is '/' or '\\';
}
