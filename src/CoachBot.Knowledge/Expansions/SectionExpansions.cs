using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Retrieval;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoachBot.Knowledge.Expansions;

/// <summary>
/// Document expansion: for each guide section, the questions people ask that it answers
/// (<c>knowledge/expansions/&lt;guide-id&gt;.yaml</c>), and for single passages (<c>knowledge/expansions/passages/&lt;guide-id&gt;.yaml</c>). Indexed beside the section's passages with a lower weight, so a
/// question worded unlike the guide still meets the passage that answers it. An entry with a <c>part</c> holds the
/// questions of one passage of the section (<c>part: 2</c> is passage <c>guide#slug/2</c>): they rank that passage only,
/// and, unlike section questions, their words do not count as words the guides know (see <see cref="PassageIndex"/>).
/// </summary>
public sealed class SectionExpansions
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance)
        .Build();

    private readonly Dictionary<string, List<string>> _questionsByReference;
    private readonly Dictionary<string, List<string>> _questionsByPassage;

    private SectionExpansions(QuestionTables questions)
    {
        _questionsByReference = questions.BySection;
        _questionsByPassage = questions.ByPassage;
    }

    /// <summary>The sub-folder of the expansions folder that holds the passage questions, one file per guide.</summary>
    public const string PassagesFolder = "passages";

    public static SectionExpansions Empty { get; } = new(new QuestionTables());

    public int QuestionCount => _questionsByReference.Values.Sum(list => list.Count);

    /// <summary>How many questions are written for single passages (entries with a <c>part</c>).</summary>
    public int PassageQuestionCount => _questionsByPassage.Values.Sum(list => list.Count);

    /// <summary>
    /// Loads every <c>*.yaml</c> of a folder and of its <see cref="PassagesFolder"/> (a missing folder gives none);
    /// headings must exist in the catalog, parts in their section.
    /// </summary>
    public static SectionExpansions Load(string expansionsDirectory, GuideCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var questions = new QuestionTables();
        foreach (var folder in new[] { expansionsDirectory, Path.Combine(expansionsDirectory, PassagesFolder) }.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
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
        var questions = new QuestionTables();
        AddFile(filePath, yaml, catalog, questions);
        return new SectionExpansions(questions);
    }

    /// <summary>The expansion questions written for a section (<c>guide-id#slug</c>), or none.</summary>
    public IReadOnlyList<string> QuestionsFor(GuideSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return _questionsByReference.TryGetValue(section.Reference, out var list) ? list : [];
    }

    /// <summary>The expansion questions written for one passage (<c>guide-id#slug/part</c>), or none.</summary>
    public IReadOnlyList<string> QuestionsForPassage(string passageId)
    {
        ArgumentNullException.ThrowIfNull(passageId);
        return _questionsByPassage.TryGetValue(passageId, out var list) ? list : [];
    }

    private static void AddFile(string filePath, string yaml, GuideCatalog catalog, QuestionTables questions)
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

            var written = (entry.Questions ?? []).Where(question => !string.IsNullOrWhiteSpace(question)).Select(question => question.Trim()).ToList();
            foreach (var section in sections)
            {
                var key = section.Reference;
                var target = questions.BySection;
                if (entry.Part is { } part)
                {
                    var passages = PassageChunker.Chunk(section).Count;
                    if (part < 1 || part > passages)
                    {
                        throw new KnowledgeFormatException(filePath, $"heading '{entry.Heading}' has part {part}, but its section has {passages} passage(s) (parts count from 1).");
                    }

                    key = $"{section.Reference}/{part.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                    target = questions.ByPassage;
                }

                if (!target.TryGetValue(key, out var list))
                {
                    list = [];
                    target[key] = list;
                }

                list.AddRange(written);
            }
        }
    }

    private sealed class QuestionTables
    {
        public Dictionary<string, List<string>> BySection { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, List<string>> ByPassage { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
