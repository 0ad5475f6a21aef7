using System.Text.RegularExpressions;
using CoachBot.Knowledge;
using CoachBot.Storage.Challenges;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// Reads and checks the challenge bank: every <c>*.yaml</c> of a folder in file-name order, challenges in file order.
/// Shape errors name the file and the challenge; references are checked against the guides by the caller that has them.
/// </summary>
public static partial class ChallengeBankLoader
{
    public static readonly IReadOnlyList<string> Difficulties = ["beginner", "intermediate", "advanced"];

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<BankChallenge> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Challenge bank folder not found: {directory}");
        }

        var challenges = new List<BankChallenge>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            challenges.AddRange(Parse(File.ReadAllText(file), file));
        }

        var duplicate = challenges.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new KnowledgeFormatException(directory, $"challenge id '{duplicate.Key}' is used more than once.");
        }

        return challenges;
    }

    public static IReadOnlyList<BankChallenge> Parse(string yaml, string filePath)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ChallengeBankFile? file;
        try
        {
            file = Reader.Deserialize<ChallengeBankFile>(yaml);
        }
        catch (YamlException ex)
        {
            throw new KnowledgeFormatException(filePath, $"not valid challenge YAML (line {ex.Start.Line}): {ex.Message}", ex);
        }

        if (file?.Challenges is not { Count: > 0 } entries)
        {
            throw new KnowledgeFormatException(filePath, "expected a 'challenges:' list with at least one challenge.");
        }

        return entries.Select((entry, index) => Validate(entry, index, filePath)).ToList();
    }

    private static BankChallenge Validate(ChallengeBankEntry entry, int index, string filePath)
    {
        var where = $"challenge #{index + 1}";
        var id = Required(entry.Id, "id", where, filePath);
        where = $"challenge '{id}'";
        if (!IdPattern().IsMatch(id) || id.Length > Storage.StorageLimits.ItemIdLength)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: id must be lowercase letters, digits and '-'.");
        }

        var title = Required(entry.Title, "title", where, filePath);
        if (title.Length > ChallengeLimits.TitleLength)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: title is longer than {ChallengeLimits.TitleLength} characters.");
        }

        var brief = Required(entry.Brief, "brief", where, filePath).Trim();
        if (brief.Length > ChallengeLimits.BriefLength)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: brief is longer than {ChallengeLimits.BriefLength} characters.");
        }

        var difficulty = Required(entry.Difficulty, "difficulty", where, filePath).ToLowerInvariant();
        if (!Difficulties.Contains(difficulty))
        {
            throw new KnowledgeFormatException(filePath, $"{where}: difficulty must be one of {string.Join(", ", Difficulties)}.");
        }

        var skills = (entry.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (skills.Count == 0)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: list at least one skill.");
        }

        var references = (entry.References ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        if (references.Count == 0)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: list at least one guide reference (guide-id#section-slug).");
        }

        var malformed = references.FirstOrDefault(r => !ReferencePattern().IsMatch(r));
        if (malformed is not null)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: reference '{malformed}' is not of the form guide-id#section-slug.");
        }

        return new BankChallenge(id, title.Trim(), brief, difficulty, skills, references);
    }

    private static string Required(string? value, string field, string where, string filePath) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new KnowledgeFormatException(filePath, $"{where}: '{field}' is required.")
            : value;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.NonBacktracking)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*#[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.NonBacktracking)]
    private static partial Regex ReferencePattern();
}
