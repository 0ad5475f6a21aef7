using System.Collections.Concurrent;
using CoachBot.Ai.Llm;
using CoachBot.Core.DataFolders;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoachBot.Ai.Prompts;

/// <summary>
/// Loads the prompt template files (<c>prompts/*.yaml</c>, Semantic Kernel's YAML prompt format) into kernel functions.
/// The folder is <c>Llm:PromptsPath</c> or the nearest "prompts" folder holding answer.yaml, found by
/// <see cref="DataFolderResolver"/> (working directory upwards, then the app's folder upwards) like the knowledge folder. <see cref="Check"/> runs at start-up so a missing file fails fast by name.
/// </summary>
public sealed class PromptLibrary(IOptions<LlmOptions> options)
{
    public const string FolderName = "prompts";
    private readonly ConcurrentDictionary<string, LoadedPrompt> _loaded = new(StringComparer.Ordinal);

    /// <summary>The prompt named <paramref name="name"/> (see <see cref="PromptNames"/>), loaded once.</summary>
    public LoadedPrompt Get(string name) => _loaded.GetOrAdd(name, n => Load(ResolveFolder(options.Value.PromptsPath), n));

    /// <summary>Null when every prompt the coach needs is present and parses; otherwise a message naming the file and key.</summary>
    public static string? Check(string? configuredPath)
    {
        string folder;
        try
        {
            folder = ResolveFolder(configuredPath);
        }
        catch (DirectoryNotFoundException ex)
        {
            return ex.Message;
        }

        foreach (var name in PromptNames.All)
        {
            try
            {
                Load(folder, name);
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
            {
                return ex.Message;
            }
        }

        return null;
    }

    /// <summary>The configured folder, or the nearest "prompts" folder holding answer.yaml (<see cref="DataFolderResolver"/>).</summary>
    public static string ResolveFolder(string? configuredPath)
    {
        var folder = DataFolderResolver.Resolve(configuredPath, FolderName, candidate => File.Exists(Path.Combine(candidate, PromptNames.Answer + ".yaml")))
            ?? throw new DirectoryNotFoundException(
                $"No '{FolderName}' folder with {PromptNames.Answer}.yaml was found {DataFolderResolver.SearchedPlaces()}; set {LlmOptions.SectionName}:PromptsPath.");
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException($"{LlmOptions.SectionName}:PromptsPath: the folder '{folder}' does not exist.");
    }

    private static LoadedPrompt Load(string folder, string name)
    {
        var path = Path.Combine(folder, name + ".yaml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{LlmOptions.SectionName}:PromptsPath: the prompt file '{path}' is missing.", path);
        }

        PromptFile? file;
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .IgnoreUnmatchedProperties()
                .Build();
            file = deserializer.Deserialize<PromptFile>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"The prompt file '{path}' is not valid YAML (line {ex.Start.Line}): {ex.Message}", ex);
        }

        if (file is null || string.IsNullOrWhiteSpace(file.Template))
        {
            throw new InvalidDataException($"The prompt file '{path}' has no template.");
        }

        file.Name ??= name.Replace('-', '_');
        var config = file.ToConfig();
        return new LoadedPrompt(name, path, config, KernelFunctionFactory.CreateFromPrompt(config), file.ToDefaults());
    }
}
