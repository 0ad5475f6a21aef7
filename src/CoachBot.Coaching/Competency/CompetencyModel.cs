namespace CoachBot.Coaching.Competency;

/// <summary>
/// The arithmetic of the competency map: per skill, the mean of the evidence scores, each weighted by
/// 0.5^(age / half-life), so an answer <see cref="HalfLife"/> old counts half as much as one given now. A skill without
/// evidence has a null level ("not tried"), never 0.
/// </summary>
public static class CompetencyModel
{
    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(30);

    public static SkillCompetency Level(string skill, string title, IEnumerable<CompetencyEvidence> evidence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        double weighted = 0, weights = 0;
        var count = 0;
        DateTimeOffset? last = null;
        foreach (var item in evidence)
        {
            var ageDays = Math.Max(0, (now - item.At).TotalDays);
            var weight = Math.Pow(0.5, ageDays / HalfLife.TotalDays);
            weighted += weight * Math.Clamp(item.Score, 0, 1);
            weights += weight;
            count++;
            last = last is null || item.At > last ? item.At : last;
        }

        return new SkillCompetency(skill, title, count == 0 ? null : weighted / weights, count, last);
    }
}
