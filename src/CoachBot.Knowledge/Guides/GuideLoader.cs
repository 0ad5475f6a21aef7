using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoachBot.Knowledge.Guides;

/// <summary>
/// Reads a guide file: YAML front matter (id, title, source, topics) and the Markdown structure. Headings become sections
/// (path = the headings below the title heading), paragraphs and list items become <see cref="GuideParagraph"/>s whose text
/// is cut from the source spans, so the guide's wording reaches the index exactly as written.
/// </summary>
public static class GuideLoader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private static readonly IDeserializer FrontMatterReader = new DeserializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Loads every <c>*.md</c> file of a folder, ordered by file name.</summary>
    public static IReadOnlyList<Guide> LoadDirectory(string guidesDirectory)
    {
        if (!Directory.Exists(guidesDirectory))
        {
            throw new DirectoryNotFoundException($"Guide folder not found: {guidesDirectory}");
        }

        return Directory.EnumerateFiles(guidesDirectory, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)
            .ToList();
    }

    public static Guide LoadFile(string filePath) => Parse(File.ReadAllText(filePath), filePath);

    /// <summary>Parses guide text; <paramref name="filePath"/> names the guide in errors and must match its id.</summary>
    public static Guide Parse(string markdown, string filePath)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(filePath);
        var source = markdown.ReplaceLineEndings("\n");
        var document = Markdown.Parse(source, Pipeline);

        var frontMatter = ReadFrontMatter(document, filePath);
        var id = Required(frontMatter.Id, "id", filePath);
        var title = Required(frontMatter.Title, "title", filePath);
        if (GuideSection.SlugOf(id) != id)
        {
            throw new KnowledgeFormatException(filePath, $"front matter 'id' must be lowercase letters, digits and '-', got '{id}'.");
        }

        var fileName = Path.GetFileNameWithoutExtension(filePath);
        if (Path.GetExtension(filePath).Length > 0 && !string.Equals(fileName, id, StringComparison.Ordinal))
        {
            throw new KnowledgeFormatException(filePath, $"front matter 'id' is '{id}' but the file is named '{fileName}'; they must match.");
        }

        var sections = new SectionBuilder(id, title, filePath, source).Build(document);
        return new Guide(id, title, frontMatter.Source ?? "", frontMatter.Topics ?? [], sections, filePath);
    }

    private static GuideFrontMatter ReadFrontMatter(MarkdownDocument document, string filePath)
    {
        if (document.Count == 0 || document[0] is not YamlFrontMatterBlock block)
        {
            throw new KnowledgeFormatException(filePath, "missing YAML front matter: the file must start with a '---' line, the keys id, title, source, topics, and a closing '---' line.");
        }

        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(line => line.ToString()));
        try
        {
            return FrontMatterReader.Deserialize<GuideFrontMatter>(yaml) ?? new GuideFrontMatter();
        }
        catch (YamlException exception)
        {
            var line = block.Line + 1 + (int)exception.Start.Line;
            throw new KnowledgeFormatException(filePath, $"invalid front matter near line {line}: {exception.Message}", exception);
        }
    }

    private static string Required(string? value, string key, string filePath) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new KnowledgeFormatException(filePath, $"front matter is missing '{key}'.")
            : value.Trim();
}
