using CoachBot.Coaching.Interview.Flow;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Storage.Interview;
using CoachBot.Storage.Quiz;
using CoachBot.Storage.Review;

namespace CoachBot.Coaching.Competency;

/// <summary>
/// The competency map from the three sources: quiz answers (right 1, wrong 0), review answers (the same), and
/// interview answers the LLM graded (score 1–5 → 0..1, counted for the quiz skill that practises the track). Offline
/// interview scores measure rubric coverage, not correctness, so they are left out. Figures are per member (user keys
/// are per platform); the community key is carried for the caller.
/// </summary>
public sealed class CompetencyMap(
    QuizBank bank,
    IQuizStore quizzes,
    IReviewItemStore reviews,
    IInterviewStore interviews,
    QuizSuggester skills,
    TimeProvider time) : ICompetencyMap
{
    /// <summary>Evidence older than this weighs under 0.02 % and is not read.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(365);

    public const int InterviewsRead = 50;

    public async Task<CompetencySnapshot> ForMemberAsync(string communityKey, string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        var now = time.GetUtcNow();
        var since = now - Window;
        var evidence = new List<CompetencyEvidence>();
        evidence.AddRange((await quizzes.AnswersForUserAsync(userKey, since, cancellationToken))
            .Select(a => new CompetencyEvidence(a.Skill, a.IsCorrect ? 1 : 0, a.AnsweredAt)));
        evidence.AddRange((await reviews.AnswersForUserAsync(userKey, since, cancellationToken))
            .Select(a => new CompetencyEvidence(a.Skill, a.IsCorrect ? 1 : 0, a.AnsweredAt)));
        foreach (var session in await interviews.FinishedForUserAsync(userKey, InterviewsRead, cancellationToken))
        {
            var skill = skills.SkillFor(session.Track) ?? bank.FindSkill(session.Track)?.Id;
            if (skill is null)
            {
                continue;
            }

            evidence.AddRange(session.Answers
                .Where(a => a.Outcome == InterviewAnswerOutcome.Scored && a.Score is >= 1 and <= 5 && a.FeedbackSource == "llm" && a.AnsweredAt >= since)
                .Select(a => new CompetencyEvidence(skill, (a.Score!.Value - 1) / 4.0, a.AnsweredAt)));
        }

        var bySkill = evidence.ToLookup(e => e.Skill, StringComparer.Ordinal);
        var entries = bank.Skills
            .Select(s => CompetencyModel.Level(s.Id, s.Title, bySkill[s.Id], now))
            .ToList();
        return new CompetencySnapshot(communityKey, userKey, now, entries);
    }
}
