using System.Text.RegularExpressions;
using CoachBot.Knowledge;
using CoachBot.Storage;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoachBot.Coaching.Quiz.Bank;

/// <summary>
/// Reads and checks the question bank: one <c>*.yaml</c> per skill. Every error names the file and the question.
/// When <c>referenceExists</c> is given, each question's <c>reference</c> must resolve to a guide section.
/// </summary>
public static partial class QuizBankLoader
{
    /// <summary>Options must fit a button label with its letter ("A. …") on every platform (Slack allows 75 characters).</summary>
    public const int MaxOptionLength = 70;
    public const int MaxQuestionLength = 500;
    public const int MaxExplanationLength = 1200;
    public const int MaxTitleLength = 80;

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<QuizSkill> LoadDirectory(string directory, Func<string, bool>? referenceExists = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Quiz bank folder not found: {directory}");
        }

        var skills = Directory.EnumerateFiles(directory, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(file => Parse(File.ReadAllText(file), file, referenceExists))
            .ToList();
        if (skills.Count == 0)
        {
            throw new KnowledgeFormatException(directory, "the quiz bank has no *.yaml skill files.");
        }

        CheckUnique(directory, skills.SelectMany(s => s.Questions).Select(q => q.Id), "question id");
        CheckUnique(directory, skills.SelectMany(s => s.Aliases.Append(s.Id)), "skill id or alias");
        return skills;
    }

    public static QuizSkill Parse(string yaml, string filePath, Func<string, bool>? referenceExists = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(filePath);
        QuizBankFile? file;
        try
        {
            file = Reader.Deserialize<QuizBankFile>(yaml);
        }
        catch (YamlException ex)
        {
            throw new KnowledgeFormatException(filePath, $"not valid quiz YAML (line {ex.Start.Line}): {ex.Message}", ex);
        }

        if (file is null)
        {
            throw new KnowledgeFormatException(filePath, "the file is empty.");
        }

        var id = Required(file.Id, "id", "the skill", filePath);
        if (!IdPattern().IsMatch(id) || id.Length > StorageLimits.ItemIdLength)
        {
            throw new KnowledgeFormatException(filePath, $"skill id '{id}' must be lowercase letters, digits and '-'.");
        }

        var fileName = Path.GetFileNameWithoutExtension(filePath);
        if (Path.GetExtension(filePath).Length > 0 && !string.Equals(fileName, id, StringComparison.Ordinal))
        {
            throw new KnowledgeFormatException(filePath, $"skill id is '{id}' but the file is named '{fileName}'; they must match.");
        }

        var title = Required(file.Title, "title", "the skill", filePath);
        if (title.Length > MaxTitleLength)
        {
            throw new KnowledgeFormatException(filePath, $"title is longer than {MaxTitleLength} characters.");
        }

        var aliases = (file.Aliases ?? []).Select(a => a?.Trim().ToLowerInvariant() ?? "").ToList();
        var badAlias = aliases.FirstOrDefault(a => !IdPattern().IsMatch(a));
        if (badAlias is not null)
        {
            throw new KnowledgeFormatException(filePath, $"alias '{badAlias}' must be lowercase letters, digits and '-'.");
        }

        if (file.Questions is not { Count: >= QuizOptions.MinQuestions } entries)
        {
            throw new KnowledgeFormatException(filePath, $"expected a 'questions:' list with at least {QuizOptions.MinQuestions} questions.");
        }

        var questions = entries.Select((entry, index) => Validate(entry, index, id, filePath, referenceExists)).ToList();
        return new QuizSkill(id, title, aliases.Distinct(StringComparer.Ordinal).ToList(), questions);
    }

    private static QuizQuestion Validate(QuizBankQuestion entry, int index, string skill, string filePath, Func<string, bool>? referenceExists)
    {
        var where = $"question #{index + 1}";
        var id = Required(entry.Id, "id", where, filePath);
        where = $"question '{id}'";
        if (!IdPattern().IsMatch(id) || id.Length > StorageLimits.ItemIdLength)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: id must be lowercase letters, digits and '-'.");
        }

        var difficulty = QuizDifficulty.Normalize(entry.Difficulty)
            ?? throw new KnowledgeFormatException(filePath, $"{where}: difficulty must be one of {string.Join(", ", QuizDifficulty.All)}.");
        var text = Required(entry.Question, "question", where, filePath);
        if (text.Length > MaxQuestionLength)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: question is longer than {MaxQuestionLength} characters.");
        }

        var options = (entry.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
        if (options.Count != QuizQuestion.OptionCount)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: needs exactly {QuizQuestion.OptionCount} options, found {options.Count}.");
        }

        if (options.Any(o => o.Length == 0 || o.Length > MaxOptionLength))
        {
            throw new KnowledgeFormatException(filePath, $"{where}: every option must be 1–{MaxOptionLength} characters.");
        }

        if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: the options must all be different.");
        }

        var answer = Required(entry.Answer, "answer", where, filePath).ToUpperInvariant();
        if (answer.Length != 1 || answer[0] < 'A' || answer[0] >= 'A' + QuizQuestion.OptionCount)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: answer must be the letter of the one correct option (A–D).");
        }

        var explanation = Required(entry.Explanation, "explanation", where, filePath);
        if (explanation.Length > MaxExplanationLength)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: explanation is longer than {MaxExplanationLength} characters.");
        }

        var reference = Required(entry.Reference, "reference", where, filePath);
        if (!reference.Contains('#', StringComparison.Ordinal) || reference.Length > StorageLimits.ReferenceLength)
        {
            throw new KnowledgeFormatException(filePath, $"{where}: reference must look like guide-id#section-slug.");
        }

        if (referenceExists is not null && !referenceExists(reference))
        {
            throw new KnowledgeFormatException(filePath, $"{where}: reference '{reference}' does not match any guide section.");
        }

        return new QuizQuestion(id, skill, difficulty, text, options, answer[0] - 'A', explanation, reference);
    }

    private static void CheckUnique(string directory, IEnumerable<string> values, string what)
    {
        var duplicate = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new KnowledgeFormatException(directory, $"{what} '{duplicate.Key}' is used more than once.");
        }
    }

    private static string Required(string? value, string key, string where, string filePath) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new KnowledgeFormatException(filePath, $"{where}: '{key}' is missing.")
            : value.Trim();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.NonBacktracking)]
    private static partial Regex IdPattern();
}
