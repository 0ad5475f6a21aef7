using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Storage.Quiz;

namespace CoachBot.Coaching.Competency;

/// <summary>
/// A stand-in <see cref="ICompetencyMap"/> over today's quiz progress (the <c>/progress</c> figures): each skill's
/// share of right answers, all time, with the number of answers behind it; untried skills have no level. The
/// <c>review</c> branch brings the real, recency-weighted map over quizzes, reviews and interviews; this adapter is
/// registered with TryAdd by the roadmap feature only, so the real one replaces it by being registered first (or by
/// deleting this class and its line in <c>AddRoadmapFeature</c>).
/// </summary>
public sealed class QuizProgressCompetencyMap(IQuizStore quizzes, QuizBank bank, TimeProvider time) : ICompetencyMap
{
    public async Task<CompetencySnapshot> ForMemberAsync(string communityKey, string userKey, CancellationToken cancellationToken)
    {
        var progress = (await quizzes.SkillProgressAsync(userKey, cancellationToken)).ToDictionary(p => p.Skill, StringComparer.Ordinal);
        var skills = bank.Skills
            .Select(skill => progress.TryGetValue(skill.Id, out var p) && p.Answered > 0
                ? new SkillCompetency(skill.Id, skill.Title, (double)p.Correct / p.Answered, p.Answered, p.LastPractisedAt)
                : new SkillCompetency(skill.Id, skill.Title, null, 0, null))
            .ToList();
        return new CompetencySnapshot(communityKey, userKey, time.GetUtcNow(), skills);
    }
}
