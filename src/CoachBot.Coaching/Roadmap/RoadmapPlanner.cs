using System.Globalization;
using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Interview.Bank;

namespace CoachBot.Coaching.Roadmap;

/// <summary>
/// Turns the competency map and the guides' stages into the next steps, all computed (no model involved):
/// <list type="bullet">
/// <item>the target is the level asked for, or else the first stage with a skill the member has not yet got solid
/// (<see cref="SolidLevel"/> on at least <see cref="SolidAnswers"/> answers), or lead/architect when all are;</item>
/// <item>the candidates are the skills the stages up to the target name (a skill named by several stages takes the
/// section of the latest of them), leaving out solid skills while enough others remain;</item>
/// <item>weakest first: tried skills by level (lowest first, more answers first on a tie), then skills not tried yet,
/// the target stage's own first and then the stages before it (what the target needs before its foundations the
/// member has not been asked about); at most <see cref="MaxSteps"/>.</item>
/// </list>
/// </summary>
public sealed class RoadmapPlanner(RoadmapStages stages)
{
    public const int MinSteps = 3;
    public const int MaxSteps = 5;
    public const double SolidLevel = 0.8;
    public const int SolidAnswers = 5;

    public RoadmapPlan Plan(CompetencySnapshot map, InterviewLevel? target)
    {
        ArgumentNullException.ThrowIfNull(map);
        var chosen = target ?? DefaultTarget(map);
        var upTo = stages.UpTo(chosen);
        var byskill = new Dictionary<string, (StageStep Step, InterviewLevel Stage, int Order)>(StringComparer.Ordinal);
        var order = 0;
        foreach (var stage in upTo)
        {
            foreach (var step in stage.Steps)
            {
                var first = byskill.TryGetValue(step.Skill, out var earlier) ? earlier.Order : order++;
                byskill[step.Skill] = (step, stage.Level, first);
            }
        }

        var candidates = byskill.Values
            .Select(c => (c.Step, c.Stage, c.Order, Standing: map.Find(c.Step.Skill) ?? new SkillCompetency(c.Step.Skill, c.Step.Skill, null, 0, null)))
            .ToList();
        var open = candidates.Where(c => !IsSolid(c.Standing)).ToList();
        if (open.Count < MinSteps)
        {
            open = candidates;
        }

        var steps = open
            .OrderBy(c => c.Standing.IsTried ? 0 : 1)
            .ThenBy(c => c.Standing.Level ?? 0)
            .ThenByDescending(c => c.Standing.AnswerCount)
            .ThenByDescending(c => c.Standing.IsTried ? 0 : (int)c.Stage)
            .ThenBy(c => c.Order)
            .Take(MaxSteps)
            .Select(c => new RoadmapStep(
                c.Standing,
                c.Stage,
                c.Step.Section,
                c.Step.Quote,
                $"/quiz {c.Step.Skill} 5",
                c.Step.InterviewTrack is { } track ? string.Create(CultureInfo.InvariantCulture, $"/interview {InterviewLevels.Name(c.Stage)} {track}") : null))
            .ToList();
        return new RoadmapPlan(chosen, target is not null, upTo[^1], steps);
    }

    public InterviewLevel DefaultTarget(CompetencySnapshot map)
    {
        ArgumentNullException.ThrowIfNull(map);
        foreach (var stage in stages.All)
        {
            if (stage.Steps.Any(s => map.Find(s.Skill) is not { } standing || !IsSolid(standing)))
            {
                return stage.Level;
            }
        }

        return stages.All[^1].Level;
    }

    public static bool IsSolid(SkillCompetency standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return standing.Level is >= SolidLevel && standing.AnswerCount >= SolidAnswers;
    }
}
