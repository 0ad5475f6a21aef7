using CoachBot.Knowledge.Guides;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// A passage as indexed: the verbatim <see cref="Passage"/> plus indexing-only text — the guide title and section
/// headings (<see cref="HeadingText"/>), so headings count in scoring without being inserted into the quoted text.
/// </summary>
public sealed record PassageChunk(Passage Passage, GuideSection Section, IReadOnlyList<GuideParagraph> Paragraphs)
{
    /// <summary>The guide title and the section path, one per line: indexed, never shown.</summary>
    public string HeadingText => string.Join('\n', [Passage.GuideTitle, .. Passage.SectionPath]);

    /// <summary>The paragraphs' wording without list markers: what the body field indexes.</summary>
    public string BodyText => string.Join('\n', Paragraphs.Select(paragraph => paragraph.Text));
}
