using CoachBot.Coaching.Interview.Bank;
using CoachBot.Knowledge.Guides;

namespace CoachBot.Coaching.Roadmap;

/// <summary>One step the guides name for a stage: a quiz skill, the section that says so, its words, an interview track.</summary>
public sealed record StageStep(string Skill, GuideSection Section, string Quote, string? InterviewTrack);

/// <summary>A career stage (junior … lead/architect) as the guides describe it, with its steps in file order.</summary>
public sealed record RoadmapStage(InterviewLevel Level, string Title, GuideSection Section, IReadOnlyList<StageStep> Steps);

/// <summary>The stages of <c>knowledge/roadmap/stages.yaml</c>, in career order (see <see cref="RoadmapStagesLoader"/>).</summary>
public sealed class RoadmapStages(IReadOnlyList<RoadmapStage> stages)
{
    public IReadOnlyList<RoadmapStage> All { get; } = stages.OrderBy(s => s.Level).ToList();

    /// <summary>The stages up to and including <paramref name="target"/>.</summary>
    public IReadOnlyList<RoadmapStage> UpTo(InterviewLevel target) => All.Where(s => s.Level <= target).ToList();
}
