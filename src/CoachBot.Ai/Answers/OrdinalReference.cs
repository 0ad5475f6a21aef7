using System.Text.RegularExpressions;
using CoachBot.Core.Safety;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Ai.Answers;

/// <summary>
/// Resolves "the second one", "the first option", "the latter" in a follow-up to the thing it counts: an item the
/// previous question set side by side ("relational vs non-relational databases", "Go or Rust"), else an item the
/// previous answer listed (a quoted list, "roles like Technical Consulting and Product Management", the headings after
/// "More in [1]:"), whichever the member saw first. "Tell me more about the second one" then reads "tell me more about
/// non-relational databases" and is searched as a question of its own. "What's the first step?" names no list and is
/// left alone, as is an ordinal past the end of the list.
/// </summary>
public static partial class OrdinalReference
{
    private const int MaxItemWords = 4;

    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth"];

    private static readonly HashSet<string> Boundaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "of", "for", "on", "know", "learn", "use", "pick", "choose", "between", "is", "are", "should", "i", "do",
        "does", "better", "best", "which", "what", "the", "a", "an", "to", "in", "with", "when", "if", "first", "than",
        "like", "such", "as", "including", "and", "or", "vs", "versus",
    };

    [GeneratedRegex(@"\b(?:the\s+)?(?:(?<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?:one|ones|option|item|choice|path|role|thing)|(?<n>latter|former)|(?:number|no\.?|#)\s*(?<n>[1-5]))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Ordinal();

    // "A vs B", "A versus B", "A or B": the words either side, cut at the first boundary word or punctuation
    [GeneratedRegex(@"(?<left>[\w.#+-]+(?:\s+[\w.#+-]+){0,3})\s+(?:vs\.?|versus|or)\s+(?<right>[\w.#+-]+(?:\s+[\w.#+-]+){0,3})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SideBySide();

    // "like A and B", "such as A, B, and C", "including A, B or C" in an answer's prose
    [GeneratedRegex(@"\b(?:like|such as|including)\s+(?<list>[A-Z][^.;:!?\n\[]{2,160})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex NamedExamples();

    [GeneratedRegex(@"^>\s*[-*•]\s+(?<item>[^\n]+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex QuotedListItem();

    [GeneratedRegex(@",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ListSeparator();

    /// <summary>The follow-up with its ordinal replaced by the item it counts, or null when it has none or it resolves to nothing.</summary>
    public static string? Resolve(string asked, string previousQuestion, string previousAnswer)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var match = Ordinal().Match(asked);
        if (!match.Success)
        {
            return null;
        }

        var items = ItemsOf(previousQuestion ?? "");
        if (items.Count < 2)
        {
            items = ItemsOfAnswer(previousAnswer ?? "");
        }

        if (items.Count < 2 || Position(match.Groups["n"].Value, items.Count) is not { } index || index >= items.Count)
        {
            return null;
        }

        return asked[..match.Index] + items[index] + asked[(match.Index + match.Length)..];
    }

    /// <summary>
    /// "Tell me more about the second one" when there is nothing to count: no previous turn, or one whose question and
    /// answer list fewer than two things. True only when the follow-up is nothing but the ordinal and words asking for
    /// more ("what's the first role in a backend career?" asks something of its own).
    /// </summary>
    public static bool CountsNothing(string asked, string? previousQuestion, string? previousAnswer)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var match = Ordinal().Match(asked);
        if (!match.Success || match.Groups["n"].Value is "latter" or "former")
        {
            return false;
        }

        var rest = asked[..match.Index] + " " + asked[(match.Index + match.Length)..];
        if (Words().Matches(rest).Any(word => !AskingForMore.Contains(word.Value)))
        {
            return false;
        }

        return ItemsOf(previousQuestion ?? "").Count < 2 && ItemsOfAnswer(previousAnswer ?? "").Count < 2;
    }

    private static readonly HashSet<string> AskingForMore = new(StringComparer.OrdinalIgnoreCase)
    {
        "tell", "me", "more", "about", "abt", "bout", "on", "what", "whats", "what's", "how", "and", "explain", "describe",
        "elaborate", "go", "into", "detail", "details", "can", "could", "you", "u", "please", "pls", "plz", "ok", "okay",
        "so", "is", "the", "info", "expand", "talk", "say", "of", "that", "it",
    };

    [GeneratedRegex(@"[\p{L}'’]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Words();

    private static int? Position(string ordinal, int count) => ordinal.ToLowerInvariant() switch
    {
        "last" or "latter" => count - 1,
        "former" => 0,
        "1st" or "1" => 0,
        "2nd" or "2" => 1,
        "3rd" or "3" => 2,
        "4th" or "4" => 3,
        "5th" or "5" => 4,
        var word => Array.IndexOf(Ordinals, word) is var i and >= 0 ? i : null,
    };

    /// <summary>The items a question sets side by side: "relational vs non-relational databases" gives "relational databases", "non-relational databases".</summary>
    private static List<string> ItemsOf(string question)
    {
        // "is backend still a safe career or nah" sets nothing side by side: the chat register goes first.
        var match = SideBySide().Match(ChatRegister.Strip(question));
        if (!match.Success)
        {
            return [];
        }

        var left = match.Groups["left"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse().TakeWhile(word => !Boundaries.Contains(word)).Reverse().ToList();
        var right = match.Groups["right"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => word.TrimEnd('?', '!', ',', '.')).TakeWhile(word => word.Length > 0 && !Boundaries.Contains(word)).ToList();
        if (left.Count == 0 || right.Count == 0)
        {
            return [];
        }

        // "relational vs non-relational databases": both are databases
        if (left.Count == 1 && right.Count > 1)
        {
            left.Add(right[^1]);
        }

        return [string.Join(' ', left), string.Join(' ', right)];
    }

    /// <summary>The first list the previous answer showed: quoted list items, examples named in a quote, or the headings after "More in".</summary>
    private static List<string> ItemsOfAnswer(string answer)
    {
        var lists = new List<(int At, List<string> Items)>();
        var bullets = QuotedListItem().Matches(answer);
        if (bullets.Count >= 2)
        {
            lists.Add((bullets[0].Index, bullets.Select(b => Shorten(b.Groups["item"].Value)).ToList()));
        }

        if (ItemsAfterALeadIn(answer) is { Items.Count: >= 2 } afterLeadIn)
        {
            lists.Add(afterLeadIn);
        }

        foreach (Match named in NamedExamples().Matches(answer))
        {
            var items = ListSeparator().Split(UpToTheClause(named.Groups["list"].Value))
                .Select(item => item.Trim())
                .Where(item => item.Length > 0 && item.Split(' ').Length <= MaxItemWords)
                .ToList();
            if (items.Count >= 2)
            {
                lists.Add((named.Index, items));
                break;
            }
        }

        var more = answer.IndexOf("More in [", StringComparison.Ordinal);
        if (more >= 0 && answer.IndexOf("]: ", more, StringComparison.Ordinal) is var colon and > 0)
        {
            var end = answer.IndexOf('\n', colon);
            var headings = answer[(colon + 3)..(end < 0 ? answer.Length : end)].Split(" · ").Select(h => h.Trim()).Where(h => h is { Length: > 0 } and not "…").ToList();
            lists.Add((more, headings));
        }

        return lists.Where(list => list.Items.Count >= 2).OrderBy(list => list.At).Select(list => list.Items).FirstOrDefault() ?? [];
    }

    /// <summary>
    /// The items an offline answer quoted after a lead-in: it renders a list as quoted lines without bullets, so the lines
    /// after a quoted line that ends in ":" ("…specialize in a particular area of backend engineering, including:") are
    /// the items, up to the line that carries the citation ("> Real-Time Systems: … [2]").
    /// </summary>
    private static (int At, List<string> Items) ItemsAfterALeadIn(string answer)
    {
        var lines = answer.Split('\n');
        for (int i = 0, at = 0; i < lines.Length; at += lines[i].Length + 1, i++)
        {
            if (!lines[i].StartsWith("> ", StringComparison.Ordinal) || !Citations().Replace(lines[i], string.Empty).TrimEnd().EndsWith(':'))
            {
                continue;
            }

            var items = new List<string>();
            for (var j = i + 1; j < lines.Length && lines[j].StartsWith("> ", StringComparison.Ordinal); j++)
            {
                items.Add(Shorten(Citations().Replace(lines[j][2..], string.Empty)));
                if (Citations().IsMatch(lines[j]))
                {
                    break;
                }
            }

            return (at, items);
        }

        return (0, []);
    }

    [GeneratedRegex(@"(\s\[\d+\])+\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Citations();

    /// <summary>The named examples without the clause that follows them ("…Product Management, where technical insight…").</summary>
    private static string UpToTheClause(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.TakeWhile(word => !ClauseWords.Contains(word)).ToArray();
        return string.Join(' ', kept).TrimEnd(',', ' ');
    }

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "where", "which", "that", "to", "for", "is", "are", "can", "in", "with", "who", "will", "may", "have", "has",
    };

    /// <summary>A list item's name: the words before its first colon or dash ("Databases and query languages: …").</summary>
    private static string Shorten(string item)
    {
        var cut = item.IndexOfAny([':', '—', '–', '(']);
        var name = (cut > 0 ? item[..cut] : item).Trim().TrimEnd('.', ' ');
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(MaxItemWords + 2));
    }
}
