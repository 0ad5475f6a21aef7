using CoachBot.Knowledge.Guides;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoachBot.Knowledge.Expansions;

/// <summary>
/// Document expansion: for each guide section, the questions people ask that it answers
/// (<c>knowledge/expansions/&lt;guide-id&gt;.yaml</c>). Indexed beside the section's passages with a lower weight, so a
/// question worded unlike the guide still meets the passage that answers it.
/// </summary>
public sealed class SectionExpansions
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance)
        .Build();

    private readonly Dictionary<string, List<string>> _questionsByReference;

    private SectionExpansions(Dictionary<string, List<string>> questionsByReference)
    {
        _questionsByReference = questionsByReference;
    }

    public static SectionExpansions Empty { get; } = new(new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase));

    public int QuestionCount => _questionsByReference.Values.Sum(list => list.Count);

    /// <summary>Loads every <c>*.yaml</c> of a folder (a missing folder gives none); headings must exist in the catalog.</summary>
    public static SectionExpansions Load(string expansionsDirectory, GuideCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var questions = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(expansionsDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(expansionsDirectory, "*.yaml").Order(StringComparer.Ordinal))
            {
                AddFile(file, File.ReadAllText(file), catalog, questions);
            }
        }

        return new SectionExpansions(questions);
    }

    /// <summary>Parses one expansion file's text (tests and tools); <paramref name="filePath"/> names it in errors.</summary>
    public static SectionExpansions Parse(string yaml, string filePath, GuideCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var questions = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        AddFile(filePath, yaml, catalog, questions);
        return new SectionExpansions(questions);
    }

    /// <summary>The expansion questions written for a section (<c>guide-id#slug</c>), or none.</summary>
    public IReadOnlyList<string> QuestionsFor(GuideSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return _questionsByReference.TryGetValue(section.Reference, out var list) ? list : [];
    }

    private static void AddFile(string filePath, string yaml, GuideCatalog catalog, Dictionary<string, List<string>> questions)
    {
        ExpansionFile? file;
        try
        {
            file = Reader.Deserialize<ExpansionFile>(yaml);
        }
        catch (YamlException exception)
        {
            throw new KnowledgeFormatException(filePath, $"invalid YAML near line {exception.Start.Line}: {exception.Message}", exception);
        }

        if (file?.Guide is not { Length: > 0 } guideId)
        {
            throw new KnowledgeFormatException(filePath, "missing 'guide' (the id of the guide these questions belong to).");
        }

        if (catalog.FindGuide(guideId) is null)
        {
            throw new KnowledgeFormatException(filePath, $"guide '{guideId}' does not exist in knowledge/guides.");
        }

        foreach (var entry in file.Sections ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry.Heading))
            {
                throw new KnowledgeFormatException(filePath, "a section entry has no 'heading'.");
            }

            var sections = catalog.FindSectionsByHeading(entry.Heading, guideId);
            if (sections.Count == 0)
            {
                throw new KnowledgeFormatException(filePath, $"heading '{entry.Heading}' is not a heading of guide '{guideId}'.");
            }

            foreach (var section in sections)
            {
                if (!questions.TryGetValue(section.Reference, out var list))
                {
                    list = [];
                    questions[section.Reference] = list;
                }

                list.AddRange((entry.Questions ?? []).Where(question => !string.IsNullOrWhiteSpace(question)).Select(question => question.Trim()));
            }
        }
    }
}
