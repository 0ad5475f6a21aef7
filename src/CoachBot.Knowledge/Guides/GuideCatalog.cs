namespace CoachBot.Knowledge.Guides;

/// <summary>All guides of the knowledge base and their sections, with look-ups by reference and by heading.</summary>
public sealed class GuideCatalog
{
    private readonly Dictionary<string, Guide> _guidesById;
    private readonly Dictionary<string, GuideSection> _sectionsByReference;

    public GuideCatalog(IEnumerable<Guide> guides)
    {
        ArgumentNullException.ThrowIfNull(guides);
        Guides = guides.ToList();
        _guidesById = new Dictionary<string, Guide>(StringComparer.OrdinalIgnoreCase);
        foreach (var guide in Guides)
        {
            if (!_guidesById.TryAdd(guide.Id, guide))
            {
                throw new KnowledgeFormatException(guide.FilePath, $"guide id '{guide.Id}' is also used by {_guidesById[guide.Id].FilePath}.");
            }
        }

        Sections = Guides.SelectMany(guide => guide.Sections).ToList();
        _sectionsByReference = Sections.ToDictionary(section => section.Reference, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Guide> Guides { get; }

    /// <summary>Every section of every guide, in guide order then document order.</summary>
    public IReadOnlyList<GuideSection> Sections { get; }

    /// <summary>Loads <c>guides/*.md</c> from a knowledge folder.</summary>
    public static GuideCatalog Load(string knowledgeDirectory) =>
        new(GuideLoader.LoadDirectory(System.IO.Path.Combine(knowledgeDirectory, "guides")));

    public Guide? FindGuide(string guideId) =>
        guideId is not null && _guidesById.TryGetValue(guideId.Trim(), out var guide) ? guide : null;

    /// <summary>
    /// Resolves <c>guide-id#section-slug</c>. The part after '#' may also be the heading text itself (it is slugged);
    /// a bare guide id resolves to the guide's first section. Returns null when nothing matches; never throws on bad text.
    /// </summary>
    public GuideSection? FindSection(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var guideId = (hash < 0 ? reference : reference[..hash]).Trim();
        var guide = FindGuide(guideId);
        if (guide is null)
        {
            return null;
        }

        if (hash < 0)
        {
            return guide.Sections.Count > 0 ? guide.Sections[0] : null;
        }

        var slug = GuideSection.SlugOf(reference[(hash + 1)..]);
        return _sectionsByReference.GetValueOrDefault($"{guide.Id}#{slug}");
    }

    /// <summary>Sections whose heading matches (case-insensitive, punctuation-insensitive), optionally within one guide.</summary>
    public IReadOnlyList<GuideSection> FindSectionsByHeading(string heading, string? guideId = null)
    {
        if (string.IsNullOrWhiteSpace(heading))
        {
            return [];
        }

        var wanted = GuideSection.SlugOf(heading);
        return Sections
            .Where(section => guideId is null || string.Equals(section.GuideId, guideId, StringComparison.OrdinalIgnoreCase))
            .Where(section => GuideSection.SlugOf(section.Heading) == wanted)
            .ToList();
    }
}
