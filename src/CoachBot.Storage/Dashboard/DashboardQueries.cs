using CoachBot.Storage.Challenges;
using CoachBot.Storage.Community;
using CoachBot.Storage.Feedback;
using CoachBot.Storage.Interview;
using CoachBot.Storage.Quiz;
using CoachBot.Storage.Review;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Dashboard;

/// <summary>
/// The dashboard's reads, each limited to one community by its first argument (the signed-in session's community,
/// never a value from the request).
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<CoachBotDbContext> contexts)
{
    /// <summary>The most rows one table page or CSV export reads.</summary>
    public const int MaxRows = 1000;

    /// <summary>Every logged question since <paramref name="since"/>, newest first, with its vote counts.</summary>
    public async Task<IReadOnlyList<LoggedQuestion>> QuestionsAsync(string communityKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var answers = await db.Set<AnswerRecord>().AsNoTracking()
            .Where(a => a.CommunityKey == communityKey && a.AnsweredAt >= since)
            .OrderByDescending(a => a.AnsweredAt)
            .Take(MaxRows)
            .ToListAsync(cancellationToken);
        var ids = answers.Select(a => a.Id).ToList();
        var votes = await db.Set<AnswerVote>().AsNoTracking()
            .Where(v => v.CommunityKey == communityKey && ids.Contains(v.AnswerId))
            .GroupBy(v => new { v.AnswerId, v.Vote })
            .Select(g => new { g.Key.AnswerId, g.Key.Vote, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(string id, FeedbackVote vote) => votes.Where(v => v.AnswerId == id && v.Vote == vote).Sum(v => v.Count);
        return answers.Select(a => new LoggedQuestion(a, Count(a.Id, FeedbackVote.Up), Count(a.Id, FeedbackVote.Down))).ToList();
    }

    /// <summary>The community's activity since <paramref name="since"/>.</summary>
    public async Task<ActivityTotals> ActivityAsync(string communityKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Active: anyone the community saw, or who asked, quizzed, interviewed, reviewed or submitted in the period.
        var active = new HashSet<string>(StringComparer.Ordinal);
        active.UnionWith(await db.Set<CommunityMember>().Where(m => m.CommunityKey == communityKey && m.LastSeenAt >= since).Select(m => m.UserKey).ToListAsync(cancellationToken));
        active.UnionWith(await db.Set<AnswerRecord>().Where(a => a.CommunityKey == communityKey && a.AnsweredAt >= since).Select(a => a.AskerKey).Distinct().ToListAsync(cancellationToken));
        active.UnionWith(await db.Set<QuizSession>().Where(q => q.CommunityKey == communityKey && q.StartedAt >= since).Select(q => q.UserKey).Distinct().ToListAsync(cancellationToken));
        active.UnionWith(await db.Set<InterviewSessionRecord>().Where(i => i.CommunityKey == communityKey && i.StartedAt >= since).Select(i => i.UserKey).Distinct().ToListAsync(cancellationToken));
        active.UnionWith(await db.Set<ReviewAnswer>().Where(r => r.CommunityKey == communityKey && r.AnsweredAt >= since).Select(r => r.UserKey).Distinct().ToListAsync(cancellationToken));
        active.UnionWith(await db.Set<ChallengeSubmission>()
            .Where(s => s.UpdatedAt >= since && db.Set<Challenge>().Any(c => c.Id == s.ChallengeId && c.CommunityKey == communityKey))
            .Select(s => s.UserKey).Distinct().ToListAsync(cancellationToken));
        var quizzes = await db.Set<QuizSession>().CountAsync(q => q.CommunityKey == communityKey && q.StartedAt >= since, cancellationToken);
        var interviews = await db.Set<InterviewSessionRecord>().CountAsync(i => i.CommunityKey == communityKey && i.StartedAt >= since, cancellationToken);
        var reviews = await db.Set<ReviewAnswer>().CountAsync(r => r.CommunityKey == communityKey && r.AnsweredAt >= since, cancellationToken);
        var votes = await db.Set<AnswerVote>().AsNoTracking()
            .Where(v => v.CommunityKey == communityKey && v.VotedAt >= since)
            .GroupBy(v => v.Vote)
            .Select(g => new { Vote = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new ActivityTotals(
            active.Count, quizzes, interviews, reviews,
            votes.Where(v => v.Vote == FeedbackVote.Up).Sum(v => v.Count),
            votes.Where(v => v.Vote == FeedbackVote.Down).Sum(v => v.Count));
    }

    /// <summary>The community's members (seen by the coach), most recently active first.</summary>
    public async Task<IReadOnlyList<CommunityMember>> MembersAsync(string communityKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<CommunityMember>().AsNoTracking()
            .Where(m => m.CommunityKey == communityKey)
            .OrderByDescending(m => m.LastSeenAt)
            .Take(MaxRows)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One member's activity in this community; null when the member does not belong to it.</summary>
    public async Task<MemberSummary?> MemberAsync(string communityKey, long memberId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await db.Set<CommunityMember>().AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == memberId && m.CommunityKey == communityKey, cancellationToken);
        if (member is null)
        {
            return null;
        }

        var key = member.UserKey;
        var quizzes = await db.Set<QuizSession>().AsNoTracking()
            .Where(q => q.CommunityKey == communityKey && q.UserKey == key && q.Status == QuizSessionStatus.Completed)
            .Select(q => new { q.CorrectCount, q.QuestionCount })
            .ToListAsync(cancellationToken);
        var interviews = await db.Set<InterviewSessionRecord>().AsNoTracking()
            .Where(i => i.CommunityKey == communityKey && i.UserKey == key && i.Status == InterviewSessionStatus.Completed)
            .Select(i => new { i.AverageScore, i.LevelEstimate, i.Track })
            .ToListAsync(cancellationToken);
        var skills = await db.Set<QuizAnswer>().AsNoTracking()
            .Where(a => a.CommunityKey == communityKey && a.UserKey == key)
            .GroupBy(a => a.Skill)
            .Select(g => new SkillScore(g.Key, g.Count(), g.Count(a => a.IsCorrect)))
            .ToListAsync(cancellationToken);
        var questions = await db.Set<AnswerRecord>().CountAsync(a => a.CommunityKey == communityKey && a.AskerKey == key, cancellationToken);
        var submissions = await db.Set<ChallengeSubmission>().AsNoTracking()
            .Where(s => s.UserKey == key && db.Set<Challenge>().Any(c => c.Id == s.ChallengeId && c.CommunityKey == communityKey))
            .CountAsync(cancellationToken);
        var wins = await db.Set<ChallengeWinner>().CountAsync(w => w.CommunityKey == communityKey && w.UserKey == key, cancellationToken);
        return new MemberSummary(
            member,
            quizzes.Count,
            quizzes.Sum(q => q.CorrectCount),
            quizzes.Sum(q => q.QuestionCount),
            interviews.Count,
            interviews.Count == 0 ? null : interviews.Average(i => i.AverageScore ?? 0),
            interviews.Select(i => i.LevelEstimate).LastOrDefault(l => !string.IsNullOrEmpty(l)),
            skills.OrderBy(s => s.Skill, StringComparer.Ordinal).ToList(),
            questions,
            submissions,
            wins);
    }

    /// <summary>The community's challenges, newest first.</summary>
    public async Task<IReadOnlyList<Challenge>> ChallengesAsync(string communityKey, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Challenge>().AsNoTracking()
            .Where(c => c.CommunityKey == communityKey)
            .OrderByDescending(c => c.PostedAt).ThenByDescending(c => c.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>A challenge's submissions, when the challenge belongs to the community; empty otherwise.</summary>
    public async Task<IReadOnlyList<ChallengeSubmission>> SubmissionsAsync(string communityKey, long challengeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChallengeSubmission>().AsNoTracking()
            .Where(s => s.ChallengeId == challengeId && db.Set<Challenge>().Any(c => c.Id == challengeId && c.CommunityKey == communityKey))
            .OrderBy(s => s.SubmittedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The winners of the community's challenges, keyed by challenge id.</summary>
    public async Task<ILookup<long, ChallengeWinner>> WinnersAsync(string communityKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var winners = await db.Set<ChallengeWinner>().AsNoTracking().Where(w => w.CommunityKey == communityKey).ToListAsync(cancellationToken);
        return winners.ToLookup(w => w.ChallengeId);
    }

    /// <summary>The community's audit entries, newest first, whose action or actor name contains <paramref name="filter"/>.</summary>
    public async Task<IReadOnlyList<ModeratorAuditEntry>> AuditAsync(string communityKey, string? filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.Set<ModeratorAuditEntry>().AsNoTracking().Where(e => e.CommunityKey == communityKey);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var text = filter.Trim();
            entries = entries.Where(e => e.Action.Contains(text) || e.ActorName.Contains(text));
        }

        return await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxRows).ToListAsync(cancellationToken);
    }
}

/// <summary>A question from the log with the 👍 and 👎 its answer got.</summary>
public sealed record LoggedQuestion(AnswerRecord Record, int Up, int Down);

/// <summary>A community's activity over a period.</summary>
public sealed record ActivityTotals(int ActiveMembers, int Quizzes, int Interviews, int Reviews, int Up, int Down);

/// <summary>Quiz answers in one skill.</summary>
public sealed record SkillScore(string Skill, int Answered, int Correct);

/// <summary>What the dashboard shows about one member of the community.</summary>
public sealed record MemberSummary(
    CommunityMember Member,
    int QuizzesCompleted,
    int QuizCorrect,
    int QuizQuestions,
    int InterviewsCompleted,
    double? InterviewAverage,
    string? LevelEstimate,
    IReadOnlyList<SkillScore> Skills,
    int Questions,
    int Submissions,
    int Wins);
