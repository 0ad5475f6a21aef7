namespace CoachBot.Coaching.Competency;

/// <summary>A member's competency map at <see cref="ComputedAt"/>: one entry per skill of the quiz bank, in bank order.</summary>
public sealed record CompetencySnapshot(
    string CommunityKey,
    string UserKey,
    DateTimeOffset ComputedAt,
    IReadOnlyList<SkillCompetency> Skills)
{
    /// <summary>True when no skill has been tried yet.</summary>
    public bool IsEmpty => Skills.All(s => !s.IsTried);

    public SkillCompetency? Find(string skill) =>
        Skills.FirstOrDefault(s => string.Equals(s.Skill, skill, StringComparison.Ordinal));

    /// <summary>Tried skills, weakest first (lowest level, then more evidence, then id); untried skills are not included.</summary>
    public IReadOnlyList<SkillCompetency> WeakestFirst() =>
        Skills.Where(s => s.IsTried)
            .OrderBy(s => s.Level)
            .ThenByDescending(s => s.AnswerCount)
            .ThenBy(s => s.Skill, StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// The member's level on one skill: <see cref="Level"/> is 0..1 (a recency-weighted share of right answers), or null
/// when the skill was never tried, which is not the same as 0 %. <see cref="AnswerCount"/> is how many answers (quiz,
/// review, interview) the figure rests on; <see cref="LastSeen"/> when the latest of them was given.
/// </summary>
public sealed record SkillCompetency(string Skill, string Title, double? Level, int AnswerCount, DateTimeOffset? LastSeen)
{
    public bool IsTried => Level is not null;
}
