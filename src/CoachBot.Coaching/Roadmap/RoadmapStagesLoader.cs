using CoachBot.Coaching.Interview.Bank;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Guides;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CoachBot.Coaching.Roadmap;

/// <summary>
/// Reads <c>roadmap/stages.yaml</c> from the knowledge folder and checks it against the guides: every reference must
/// resolve to a section and every quote must occur in that section's text (so the roadmap only repeats what the guides
/// say), every skill must be a quiz skill and every interview a bank track.
/// </summary>
public static class RoadmapStagesLoader
{
    public const string FileName = "stages.yaml";
    public const string FolderName = "roadmap";

    public static RoadmapStages Load(string path, GuideCatalog catalog, IReadOnlyCollection<string> skills)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(skills);
        if (!File.Exists(path))
        {
            throw new KnowledgeFormatException(path, "the roadmap stages file is missing.");
        }

        StagesFile? file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<StagesFile>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new KnowledgeFormatException(path, $"not valid YAML (line {ex.Start.Line}): {ex.Message}", ex);
        }

        if (file?.Stages is not { Count: > 0 } stages)
        {
            throw new KnowledgeFormatException(path, "no stages.");
        }

        var result = new List<RoadmapStage>();
        foreach (var stage in stages)
        {
            if (!InterviewLevels.TryParse(stage.Level, out var level) || InterviewLevels.Name(level.Value) != stage.Level)
            {
                throw new KnowledgeFormatException(path, $"stage level '{stage.Level}' must be junior, mid, senior or lead.");
            }

            var steps = new List<StageStep>();
            foreach (var step in stage.Steps ?? [])
            {
                if (step.Skill is null || !skills.Contains(step.Skill))
                {
                    throw new KnowledgeFormatException(path, $"stage {stage.Level}: '{step.Skill}' is not a quiz skill.");
                }

                if (step.Interview is not null && !InterviewTracks.IsBankTrack(step.Interview))
                {
                    throw new KnowledgeFormatException(path, $"stage {stage.Level}, skill {step.Skill}: '{step.Interview}' is not an interview track.");
                }

                var section = Resolve(path, catalog, step.Reference, $"stage {stage.Level}, skill {step.Skill}");
                var quote = step.Quote?.Trim() ?? "";
                if (quote.Length == 0 || !SectionText(section).Contains(Normalise(quote), StringComparison.Ordinal))
                {
                    throw new KnowledgeFormatException(path, $"stage {stage.Level}, skill {step.Skill}: the quote is not in {section.Reference}.");
                }

                steps.Add(new StageStep(step.Skill, section, quote, step.Interview));
            }

            if (steps.Count == 0)
            {
                throw new KnowledgeFormatException(path, $"stage {stage.Level} has no steps.");
            }

            result.Add(new RoadmapStage(level.Value, stage.Title ?? InterviewLevels.Display(level.Value), Resolve(path, catalog, stage.Reference, $"stage {stage.Level}"), steps));
        }

        if (result.Select(s => s.Level).Distinct().Count() != result.Count)
        {
            throw new KnowledgeFormatException(path, "a level appears twice.");
        }

        return new RoadmapStages(result);
    }

    /// <summary>A section's own paragraphs, whitespace folded (what a quote must occur in).</summary>
    public static string SectionText(GuideSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Normalise(string.Join(' ', section.Paragraphs.Select(p => p.Text)));
    }

    private static GuideSection Resolve(string path, GuideCatalog catalog, string? reference, string where) =>
        reference is not null && catalog.FindSection(reference) is { } section
            ? section
            : throw new KnowledgeFormatException(path, $"{where}: the reference '{reference}' is not a guide section.");

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class StagesFile
    {
        public List<StageEntry>? Stages { get; set; }
    }

    private sealed class StageEntry
    {
        public string? Level { get; set; }

        public string? Title { get; set; }

        public string? Reference { get; set; }

        public List<StepEntry>? Steps { get; set; }
    }

    private sealed class StepEntry
    {
        public string? Skill { get; set; }

        public string? Reference { get; set; }

        public string? Quote { get; set; }

        public string? Interview { get; set; }
    }
}
