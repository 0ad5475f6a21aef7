using System.Text;

namespace CoachBot.Knowledge.Synonyms;

/// <summary>
/// The domain synonym list (<c>knowledge/synonyms.txt</c>): equivalence groups <c>a, b, c</c> and one-way rules
/// <c>x, y =&gt; z</c>. Phrases are matched on the lowercased raw question at word boundaries (a trailing plural
/// "s" allowed), so multi-word phrases and tokens like "c#" or "ci/cd" work before the analyzer splits them.
/// </summary>
public sealed class SynonymSet
{
    private readonly Dictionary<string, List<string>> _expansions;
    private readonly string[] _phrases;

    private SynonymSet(Dictionary<string, List<string>> expansions)
    {
        _expansions = expansions;
        // Longest first, so a long phrase claims its words before the shorter phrases inside it.
        _phrases = [.. expansions.Keys.OrderByDescending(phrase => phrase.Length).ThenBy(phrase => phrase, StringComparer.Ordinal)];
    }

    public static SynonymSet Empty { get; } = new(new Dictionary<string, List<string>>(StringComparer.Ordinal));

    public int PhraseCount => _phrases.Length;

    /// <summary>Loads a synonym file; a missing file gives an empty set.</summary>
    public static SynonymSet Load(string filePath) =>
        File.Exists(filePath) ? Parse(File.ReadAllLines(filePath), filePath) : Empty;

    public static SynonymSet Parse(IEnumerable<string> lines, string filePath)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var expansions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                var from = SplitTerms(line[..arrow]);
                var to = SplitTerms(line[(arrow + 2)..]);
                if (from.Count == 0 || to.Count == 0 || to.Any(term => term.Contains("=>", StringComparison.Ordinal)))
                {
                    throw new KnowledgeFormatException(filePath, $"line {number}: a one-way rule needs terms on both sides of a single '=>'.");
                }

                foreach (var term in from)
                {
                    AddAll(expansions, term, to);
                }
            }
            else
            {
                var group = SplitTerms(line);
                if (group.Count < 2)
                {
                    throw new KnowledgeFormatException(filePath, $"line {number}: a group needs at least two comma-separated terms.");
                }

                foreach (var term in group)
                {
                    AddAll(expansions, term, group);
                }
            }
        }

        return new SynonymSet(expansions);
    }

    /// <summary>The phrases of the list found in <paramref name="question"/> and their expansions.</summary>
    public IReadOnlyList<SynonymMatch> Match(string question)
    {
        if (string.IsNullOrWhiteSpace(question) || _phrases.Length == 0)
        {
            return [];
        }

        var text = Normalize(question);
        var claimed = new bool[text.Length];
        var matches = new List<SynonymMatch>();
        foreach (var phrase in _phrases)
        {
            var at = FindAtWordBoundary(text, phrase, claimed);
            if (at < 0)
            {
                continue;
            }

            Array.Fill(claimed, true, at, phrase.Length);
            matches.Add(new SynonymMatch(phrase, _expansions[phrase]));
        }

        return matches;
    }

    /// <summary>Lowercase, typographic apostrophes folded, whitespace collapsed: the form phrases are matched against.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static int FindAtWordBoundary(string text, string phrase, bool[] claimed)
    {
        for (var start = text.IndexOf(phrase, StringComparison.Ordinal); start >= 0; start = text.IndexOf(phrase, start + 1, StringComparison.Ordinal))
        {
            var end = start + phrase.Length;
            if (claimed[start] || claimed[end - 1])
            {
                continue;
            }

            var before = start == 0 || !IsWordChar(text[start - 1]) || !IsWordChar(phrase[0]);
            var afterIndex = end;
            if (afterIndex < text.Length && text[afterIndex] == 's' && char.IsAsciiLetter(phrase[^1]))
            {
                afterIndex++; // plural: "mentors" matches "mentor"
            }

            var after = afterIndex >= text.Length || !IsWordChar(text[afterIndex]) || !IsWordChar(phrase[^1]);
            if (before && after)
            {
                return start;
            }
        }

        return -1;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '+' or '#';

    private static void AddAll(Dictionary<string, List<string>> expansions, string term, IReadOnlyList<string> targets)
    {
        if (!expansions.TryGetValue(term, out var list))
        {
            list = [];
            expansions[term] = list;
        }

        foreach (var target in targets)
        {
            if (target != term && !list.Contains(target))
            {
                list.Add(target);
            }
        }
    }

    private static List<string> SplitTerms(string part) =>
        part.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize)
            .Where(term => term.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
