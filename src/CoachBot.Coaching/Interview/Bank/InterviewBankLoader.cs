using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoachBot.Coaching.Interview.Bank;

/// <summary>
/// Reads the question bank (<c>knowledge/interview/*.yaml</c>) and checks its shape: unique ids, a known level and
/// track, a question, 3–6 rubric points, a reference of the form <c>guide-id#section-slug</c>, STAR guidance on every
/// behavioral question. Whether references resolve to real guide sections is checked against the guide catalog by
/// <see cref="InterviewBank.UnresolvedReferences"/>.
/// </summary>
public static partial class InterviewBankLoader
{
    public const int MinRubricPoints = 3;
    public const int MaxRubricPoints = 6;

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static InterviewBank LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new InterviewBankException($"Interview question bank folder not found: {directory} (set Interview:BankPath).");
        }

        var questions = new List<InterviewQuestion>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            questions.AddRange(Parse(File.ReadAllText(file), file));
        }

        return Create(questions);
    }

    /// <summary>Builds a bank from parsed questions, refusing duplicate ids and an empty bank.</summary>
    public static InterviewBank Create(IReadOnlyList<InterviewQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (questions.Count == 0)
        {
            throw new InterviewBankException("The interview question bank is empty.");
        }

        var duplicate = questions.GroupBy(q => q.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InterviewBankException(
                $"Interview question id '{duplicate.Key}' is used more than once ({string.Join(", ", duplicate.Select(q => Path.GetFileName(q.SourceFile)).Distinct())}).");
        }

        return new InterviewBank(questions);
    }

    public static IReadOnlyList<InterviewQuestion> Parse(string yaml, string filePath)
    {
        InterviewBankFile? file;
        try
        {
            file = Reader.Deserialize<InterviewBankFile>(yaml);
        }
        catch (YamlException ex)
        {
            throw new InterviewBankException($"{filePath}: not a valid question bank file (line {ex.Start.Line}): {ex.Message}", ex);
        }

        if (file is null || file.Questions.Count == 0)
        {
            throw new InterviewBankException($"{filePath}: no questions.");
        }

        var fileTrack = file.Track is null ? null : InterviewTracks.Normalize(file.Track);
        return file.Questions.Select((q, i) => ToQuestion(q, i, fileTrack, filePath)).ToList();
    }

    private static InterviewQuestion ToQuestion(InterviewBankFileQuestion raw, int index, string? fileTrack, string filePath)
    {
        var where = $"{filePath}: question {index + 1}" + (raw.Id is null ? string.Empty : $" ('{raw.Id}')");
        if (string.IsNullOrWhiteSpace(raw.Id) || !IdPattern().IsMatch(raw.Id))
        {
            throw new InterviewBankException($"{where}: 'id' must be lowercase letters, digits and '-' (at most 100 characters).");
        }

        if (!InterviewLevels.TryParse(raw.Level, out var level) || !string.Equals(InterviewLevels.Name(level.Value), raw.Level!.Trim(), StringComparison.Ordinal))
        {
            throw new InterviewBankException($"{where}: 'level' must be one of junior, mid, senior, lead.");
        }

        var track = raw.Track ?? fileTrack;
        if (track is null || !InterviewTracks.IsBankTrack(track))
        {
            throw new InterviewBankException($"{where}: 'track' must be one of {string.Join(", ", InterviewTracks.All)}.");
        }

        if (fileTrack is not null && track != fileTrack)
        {
            throw new InterviewBankException($"{where}: track '{track}' differs from the file's track '{fileTrack}'.");
        }

        if (string.IsNullOrWhiteSpace(raw.Question))
        {
            throw new InterviewBankException($"{where}: 'question' is missing.");
        }

        if (raw.Rubric.Count is < MinRubricPoints or > MaxRubricPoints)
        {
            throw new InterviewBankException($"{where}: 'rubric' needs {MinRubricPoints} to {MaxRubricPoints} points (has {raw.Rubric.Count}).");
        }

        var rubric = new List<RubricPoint>();
        foreach (var point in raw.Rubric)
        {
            if (string.IsNullOrWhiteSpace(point.Point))
            {
                throw new InterviewBankException($"{where}: every rubric entry needs a 'point'.");
            }

            var keywords = point.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToList();
            rubric.Add(new RubricPoint(point.Point.Trim(), keywords));
        }

        if (string.IsNullOrWhiteSpace(raw.Reference) || !ReferencePattern().IsMatch(raw.Reference.Trim()))
        {
            throw new InterviewBankException($"{where}: 'reference' must be 'guide-id#section-slug'.");
        }

        StarGuidance? star = null;
        if (raw.Star is { } s)
        {
            if (string.IsNullOrWhiteSpace(s.Situation) || string.IsNullOrWhiteSpace(s.Task) ||
                string.IsNullOrWhiteSpace(s.Action) || string.IsNullOrWhiteSpace(s.Result))
            {
                throw new InterviewBankException($"{where}: 'star' needs situation, task, action and result.");
            }

            star = new StarGuidance(s.Situation.Trim(), s.Task.Trim(), s.Action.Trim(), s.Result.Trim());
        }

        if (track == InterviewTracks.Behavioral && star is null)
        {
            throw new InterviewBankException($"{where}: behavioral questions need 'star' guidance.");
        }

        return new InterviewQuestion(raw.Id, level.Value, track, raw.Question.Trim(), rubric, raw.Reference.Trim())
        {
            FollowUp = string.IsNullOrWhiteSpace(raw.FollowUp) ? null : raw.FollowUp.Trim(),
            Star = star,
            SourceFile = filePath,
        };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$", RegexOptions.NonBacktracking)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9-]+#[a-z0-9-]+$", RegexOptions.NonBacktracking)]
    private static partial Regex ReferencePattern();
}
