using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace CoachBot.Knowledge.Guides;

/// <summary>Walks a parsed guide and cuts it into sections, keeping every paragraph's source text verbatim.</summary>
internal sealed class SectionBuilder(string guideId, string guideTitle, string filePath, string source)
{
    private readonly List<GuideSection> _sections = [];
    private readonly HashSet<string> _slugs = new(StringComparer.Ordinal);
    private readonly List<(int Level, string Text)> _headings = [];
    private readonly List<GuideParagraph> _paragraphs = [];
    private string _heading = "";
    private int _level = 1;
    private bool _titleHeadingSeen;

    public IReadOnlyList<GuideSection> Build(MarkdownDocument document)
    {
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                StartSection(heading);
            }
            else
            {
                Collect(block);
            }
        }

        Flush();
        return _sections;
    }

    private void StartSection(HeadingBlock heading)
    {
        var text = HeadingText(heading);
        if (text.Length == 0)
        {
            throw new KnowledgeFormatException(filePath, $"empty heading at line {heading.Line + 1}.");
        }

        // The first level-1 heading is the guide's own title: its text belongs to the guide's root section.
        if (heading.Level == 1 && !_titleHeadingSeen && _sections.Count == 0 && _headings.Count == 0)
        {
            _titleHeadingSeen = true;
            _heading = text;
            return;
        }

        Flush();
        _headings.RemoveAll(entry => entry.Level >= heading.Level);
        _headings.Add((heading.Level, text));
        _heading = text;
        _level = heading.Level;
    }

    private void Flush()
    {
        var path = _headings.Select(entry => entry.Text).ToList();
        var isRoot = path.Count == 0;
        if (isRoot && _paragraphs.Count == 0 && _sections.Count == 0 && !_titleHeadingSeen)
        {
            return;
        }

        var heading = _heading.Length == 0 ? guideTitle : _heading;
        var slug = UniqueSlug(GuideSection.SlugOf(heading));
        _sections.Add(new GuideSection(guideId, guideTitle, path, slug)
        {
            Heading = heading,
            Level = _level,
            Paragraphs = [.. _paragraphs],
        });
        _paragraphs.Clear();
    }

    private string UniqueSlug(string slug)
    {
        if (slug.Length == 0)
        {
            slug = "section";
        }

        var candidate = slug;
        for (var n = 2; !_slugs.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }

    private void Collect(Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                Add(paragraph, markdownStart: paragraph.Span.Start, isListItem: false);
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    CollectListItem(item);
                }

                break;
            case YamlFrontMatterBlock:
                break;
            case LeafBlock leaf when leaf is CodeBlock:
                AddText(Slice(leaf.Span), Slice(leaf.Span), isListItem: false, leaf.Line);
                break;
            case ContainerBlock container when block is QuoteBlock:
                foreach (var child in container)
                {
                    Collect(child);
                }

                break;
            default:
                // Front matter, thematic breaks, HTML and link definitions carry no guide prose.
                break;
        }
    }

    private void CollectListItem(ListItemBlock item)
    {
        var first = true;
        foreach (var child in item)
        {
            if (child is ParagraphBlock paragraph)
            {
                // The first paragraph of an item keeps its list marker in the display form.
                Add(paragraph, markdownStart: first ? item.Span.Start : paragraph.Span.Start, isListItem: true);
                first = false;
            }
            else
            {
                Collect(child);
            }
        }
    }

    private void Add(ParagraphBlock paragraph, int markdownStart, bool isListItem)
    {
        var text = Slice(paragraph.Span);
        var markdown = source[markdownStart..(paragraph.Span.End + 1)];
        AddText(text, markdown, isListItem, paragraph.Line);
    }

    private void AddText(string text, string markdown, bool isListItem, int line)
    {
        text = text.Trim();
        if (text.Length > 0)
        {
            _paragraphs.Add(new GuideParagraph(text, markdown.Trim(), isListItem, line + 1));
        }
    }

    private string Slice(SourceSpan span) =>
        span.IsEmpty || span.Start < 0 || span.End >= source.Length ? "" : source[span.Start..(span.End + 1)];

    private string HeadingText(HeadingBlock heading)
    {
        var text = Slice(heading.Span).Trim();
        text = text.TrimStart('#').Trim();
        // An optional closing sequence of '#' is not part of the heading.
        var closing = text.TrimEnd('#');
        if (closing.Length < text.Length && (closing.Length == 0 || char.IsWhiteSpace(closing[^1])))
        {
            text = closing.TrimEnd();
        }

        return text;
    }
}
