using CoachBot.Knowledge.Guides;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Cuts each guide section into passages of one to three paragraphs, never across a heading. A long paragraph stands
/// alone; short ones (list items, lead-in lines) are grouped up to <see cref="MaxWords"/> words. Passage ids are
/// <c>guide-id#section-slug/ordinal</c> (ordinal from 1), stable as long as the section's text is unchanged.
/// </summary>
public static class PassageChunker
{
    public const int MaxParagraphs = 3;

    /// <summary>A chunk grows by another paragraph only while it stays within this many words.</summary>
    public const int MaxWords = 90;

    /// <summary>A chunk shorter than this always takes the next paragraph (a lead-in like "Key languages include").</summary>
    public const int MinWords = 12;

    public static IReadOnlyList<PassageChunk> Chunk(GuideCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Sections.SelectMany(Chunk).ToList();
    }

    public static IReadOnlyList<PassageChunk> Chunk(GuideSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var chunks = new List<PassageChunk>();
        var current = new List<GuideParagraph>();
        var words = 0;
        foreach (var paragraph in section.Paragraphs)
        {
            var fits = current.Count < MaxParagraphs && (words < MinWords || words + paragraph.WordCount <= MaxWords);
            if (current.Count > 0 && !fits)
            {
                chunks.Add(Create(section, current, chunks.Count + 1));
                current = [];
                words = 0;
            }

            current.Add(paragraph);
            words += paragraph.WordCount;
        }

        if (current.Count > 0)
        {
            chunks.Add(Create(section, current, chunks.Count + 1));
        }

        return chunks;
    }

    private static PassageChunk Create(GuideSection section, List<GuideParagraph> paragraphs, int ordinal)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i > 0)
            {
                // Consecutive list items stay one list; anything else is a new Markdown paragraph.
                text.Append(paragraphs[i].IsListItem && paragraphs[i - 1].IsListItem ? "\n" : "\n\n");
            }

            text.Append(paragraphs[i].Markdown);
        }

        var passage = new Passage($"{section.Reference}/{ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)}", section.GuideId, section.GuideTitle, section.Path, text.ToString());
        return new PassageChunk(passage, section, [.. paragraphs]);
    }
}
