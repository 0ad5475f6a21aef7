using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Knowledge.Guides;

namespace CoachBot.Coaching.Roadmap;

/// <summary>
/// One computed step of a member's roadmap: the skill and where the member stands on it (from the competency map),
/// the stage that asks for it, the guide section to read and its words, and the quiz and interview to take.
/// </summary>
public sealed record RoadmapStep(SkillCompetency Standing, InterviewLevel Stage, GuideSection Section, string Quote, string QuizCommand, string? InterviewCommand)
{
    public string Skill => Standing.Skill;
}

/// <summary>A member's roadmap towards <see cref="Target"/>: weakest first.</summary>
public sealed record RoadmapPlan(InterviewLevel Target, bool TargetChosen, RoadmapStage TargetStage, IReadOnlyList<RoadmapStep> Steps);
