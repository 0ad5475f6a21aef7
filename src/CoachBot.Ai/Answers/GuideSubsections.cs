using System.Text.RegularExpressions;
using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Ai.Answers;

/// <summary>
/// The headings of the sections directly under a passage's section ("Skills are Required…" → "Programming Languages",
/// "Understanding of Databases", …). A broad question ("what skills do I need?") often retrieves a section's
/// introduction, whose sentences stay general while the answer is spread over its sub-sections: the offline answer then
/// names them after the quote, so the member sees where the guide goes on.
/// </summary>
public static partial class GuideSubsections
{
    /// <summary>
    /// At most this many headings are named; more end in "…". 12 since the eighth user study: the core skills' ten were cut
    /// after eight, and a member who asks for the list wants all of it (no section of the guides has more than 12).
    /// </summary>
    public const int MaxHeadings = 12;

    /// <summary>By passage id, the child headings of each passage's section that has children (numbering like "1." removed).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(GuideCatalog catalog, IEnumerable<ScoredPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(passages);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var passage in passages.Select(p => p.Passage))
        {
            if (SectionOf(catalog, passage) is not { } section)
            {
                continue;
            }

            var children = catalog.Sections
                .Where(child => child.GuideId == section.GuideId
                    && child.Path.Count == section.Path.Count + 1
                    && child.Path.Take(section.Path.Count).SequenceEqual(section.Path, StringComparer.Ordinal))
                .Select(child => Numbering().Replace(child.Heading, "").Trim())
                .Where(heading => heading.Length > 0)
                .ToList();
            if (children.Count > 0)
            {
                result[passage.Id] = children;
            }
        }

        return result;
    }

    /// <summary>By passage id, the paragraphs of each passage's whole section (a chunk may hold only part of them).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<GuideParagraph>> ParagraphsOf(GuideCatalog catalog, IEnumerable<ScoredPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(passages);
        var result = new Dictionary<string, IReadOnlyList<GuideParagraph>>(StringComparer.Ordinal);
        foreach (var passage in passages.Select(p => p.Passage))
        {
            if (SectionOf(catalog, passage) is { } section)
            {
                result[passage.Id] = section.Paragraphs;
            }
        }

        return result;
    }

    private static GuideSection? SectionOf(GuideCatalog catalog, Passage passage)
    {
        var slash = passage.Id.LastIndexOf('/');
        return catalog.FindSection(slash > 0 ? passage.Id[..slash] : passage.Id);
    }

    [GeneratedRegex(@"^(step\s+)?\d+[.:)]\s*", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Numbering();
}
