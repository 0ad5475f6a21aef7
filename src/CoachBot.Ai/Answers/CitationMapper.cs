using System.Text.RegularExpressions;
using CoachBot.Core.Replies;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Ai.Answers;

/// <summary>
/// Maps the passage ids a model cites ([P1], [P2, P3], [P1][P2]) back to citations: each id that was given becomes
/// a [n] marker numbering the Sources list; ids that were not given are dropped. When the model cites nothing, the
/// passages it was given are the sources.
/// </summary>
public static partial class CitationMapper
{
    [GeneratedRegex(@"\[\s*P\d+(\s*[,;]\s*P?\d+)*\s*\]|【\s*P\d+\s*】", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CitationGroup();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Number();

    [GeneratedRegex(@"[ \t]+([.,;:!?])", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SpaceBeforePunctuation();

    public static ComposedAnswer Map(string modelText, IReadOnlyList<ScoredPassage> given)
    {
        ArgumentNullException.ThrowIfNull(modelText);
        ArgumentNullException.ThrowIfNull(given);
        var citations = new List<Citation>();
        var text = CitationGroup().Replace(modelText, match =>
        {
            var numbers = new SortedSet<int>();
            foreach (Match id in Number().Matches(match.Value))
            {
                if (int.TryParse(id.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    && index >= 1 && index <= given.Count)
                {
                    var citation = given[index - 1].Passage.ToCitation();
                    var number = citations.IndexOf(citation) + 1;
                    if (number == 0)
                    {
                        citations.Add(citation);
                        number = citations.Count;
                    }

                    numbers.Add(number);
                }
            }

            return string.Concat(numbers.Select(n => "[" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"));
        });

        text = SpaceBeforePunctuation().Replace(text, "$1").Trim();
        if (citations.Count == 0)
        {
            citations.AddRange(given.Select(p => p.Passage.ToCitation()).Distinct());
        }

        return new ComposedAnswer(text, citations);
    }
}
