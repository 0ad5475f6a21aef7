using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Quiz;

public sealed class QuizStore(IDbContextFactory<CoachBotDbContext> contexts) : IQuizStore
{
    private const int MaxAnswerTimes = 5000;

    public async Task<QuizSession?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<QuizSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
    }

    public async Task<QuizSession?> FindActiveAsync(string userKey, string conversationKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<QuizSession>().AsNoTracking()
            .SingleOrDefaultAsync(
                s => s.UserKey == userKey && s.ConversationKey == conversationKey && s.Status == QuizSessionStatus.Active,
                cancellationToken);
    }

    public async Task<StartQuizResult> StartAsync(QuizSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var existing = await FindActiveAsync(session.UserKey, session.ConversationKey, cancellationToken);
        if (existing is not null)
        {
            return new StartQuizResult(existing, Started: false);
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            return new StartQuizResult(session, Started: true);
        }
        catch (DbUpdateException)
        {
            // The one-active-quiz index: a concurrent /quiz in the same conversation got there first.
            var winner = await FindActiveAsync(session.UserKey, session.ConversationKey, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new StartQuizResult(winner, Started: false);
        }
    }

    public async Task<bool> EndAsync(string sessionId, QuizSessionStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (status == QuizSessionStatus.Active)
        {
            throw new ArgumentOutOfRangeException(nameof(status), "A session is ended as completed, abandoned or expired.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.Set<QuizSession>()
            .Where(s => s.Id == sessionId && s.Status == QuizSessionStatus.Active)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(s => s.Status, status)
                    .SetProperty(s => s.EndedAt, now)
                    .SetProperty(s => s.Version, s => s.Version + 1),
                cancellationToken);
        return changed > 0;
    }

    public async Task<RecordAnswerResult> RecordAnswerAsync(AnswerSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        try
        {
            return await contexts.InTransactionAsync((db, ct) => RecordInTransactionAsync(db, submission, ct), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent click on the same question committed first (unique answer index or the session's version
            // token stopped this one). Report the state the winner left.
            var session = await FindAsync(submission.SessionId, cancellationToken);
            var answer = await FindAnswerAsync(submission.SessionId, submission.QuestionIndex, cancellationToken);
            return answer is not null
                ? new RecordAnswerResult(RecordAnswerOutcome.AlreadyAnswered, session, answer)
                : new RecordAnswerResult(
                    session?.Status == QuizSessionStatus.Active ? RecordAnswerOutcome.NotCurrent : RecordAnswerOutcome.NotActive,
                    session,
                    null);
        }
    }

    public async Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<QuizAnswer>().AsNoTracking()
            .Where(a => a.SessionId == sessionId)
            .OrderBy(a => a.QuestionIndex)
            .ToListAsync(cancellationToken);
    }

    public async Task<int> ExpireIdleAsync(DateTimeOffset idleBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<QuizSession>()
            .Where(s => s.Status == QuizSessionStatus.Active && s.LastActivityAt < idleBefore)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(s => s.Status, QuizSessionStatus.Expired)
                    .SetProperty(s => s.EndedAt, now)
                    .SetProperty(s => s.Version, s => s.Version + 1),
                cancellationToken);
    }

    public async Task<IReadOnlyList<SkillProgress>> SkillProgressAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<QuizAnswer>().AsNoTracking()
            .Where(a => a.UserKey == userKey)
            .GroupBy(a => a.Skill)
            .Select(g => new
            {
                Skill = g.Key,
                Answered = g.Count(),
                Correct = g.Count(a => a.IsCorrect),
                Last = g.Max(a => a.AnsweredAt),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new SkillProgress(r.Skill, r.Answered, r.Correct, r.Last))
            .OrderBy(p => p.Skill, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<int> CompletedQuizCountAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<QuizSession>()
            .CountAsync(s => s.UserKey == userKey && s.Status == QuizSessionStatus.Completed, cancellationToken);
    }

    public async Task<IReadOnlyList<DateTimeOffset>> AnswerTimesAsync(string userKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<QuizAnswer>().AsNoTracking()
            .Where(a => a.UserKey == userKey && a.AnsweredAt >= since)
            .OrderByDescending(a => a.AnsweredAt)
            .Select(a => a.AnsweredAt)
            .Take(MaxAnswerTimes)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QuizAnswer>> AnswersForUserAsync(string userKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<QuizAnswer>().AsNoTracking()
            .Where(a => a.UserKey == userKey && a.AnsweredAt >= since)
            .OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SectionMisses>> MissedSectionsAsync(string userKey, string skill, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<QuizAnswer>().AsNoTracking()
            .Where(a => a.UserKey == userKey && a.Skill == skill && !a.IsCorrect)
            .GroupBy(a => a.Reference)
            .Select(g => new { Reference = g.Key, Wrong = g.Count() })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.Wrong)
            .ThenBy(r => r.Reference, StringComparer.Ordinal)
            .Take(take)
            .Select(r => new SectionMisses(r.Reference, r.Wrong))
            .ToList();
    }

    public async Task<IReadOnlyList<LeaderboardEntry>> LeaderboardAsync(
        string communityKey, DateTimeOffset? since, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var answers = db.Set<QuizAnswer>().AsNoTracking().Where(a => a.CommunityKey == communityKey);
        var sessions = db.Set<QuizSession>().AsNoTracking()
            .Where(s => s.CommunityKey == communityKey && s.Status == QuizSessionStatus.Completed);
        if (since is { } from)
        {
            answers = answers.Where(a => a.AnsweredAt >= from);
            sessions = sessions.Where(s => s.EndedAt >= from);
        }

        var totals = await answers
            .GroupBy(a => a.UserKey)
            .Select(g => new
            {
                UserKey = g.Key,
                Answered = g.Count(),
                Correct = g.Count(a => a.IsCorrect),
                Last = g.Max(a => a.AnsweredAt),
            })
            .ToListAsync(cancellationToken);
        var completed = await sessions
            .GroupBy(s => s.UserKey)
            .Select(g => new { UserKey = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UserKey, x => x.Count, StringComparer.Ordinal, cancellationToken);

        return totals
            .Select(t => new LeaderboardEntry(t.UserKey, t.Correct, t.Answered, completed.GetValueOrDefault(t.UserKey), t.Last))
            .OrderByDescending(e => e.Correct)
            .ThenByDescending(e => e.Accuracy)
            .ThenBy(e => e.LastAnsweredAt)
            .ThenBy(e => e.UserKey, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }

    private static async Task<RecordAnswerResult> RecordInTransactionAsync(
        CoachBotDbContext db, AnswerSubmission submission, CancellationToken cancellationToken)
    {
        var session = await db.Set<QuizSession>().SingleOrDefaultAsync(s => s.Id == submission.SessionId, cancellationToken);
        if (session is null)
        {
            return new RecordAnswerResult(RecordAnswerOutcome.NotFound, null, null);
        }

        if (!string.Equals(session.UserKey, submission.UserKey, StringComparison.Ordinal))
        {
            return new RecordAnswerResult(RecordAnswerOutcome.NotOwner, session, null);
        }

        var existing = await db.Set<QuizAnswer>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.SessionId == session.Id && a.QuestionIndex == submission.QuestionIndex, cancellationToken);
        if (existing is not null)
        {
            return new RecordAnswerResult(RecordAnswerOutcome.AlreadyAnswered, session, existing);
        }

        if (session.Status != QuizSessionStatus.Active)
        {
            return new RecordAnswerResult(RecordAnswerOutcome.NotActive, session, null);
        }

        if (session.LastActivityAt + submission.IdleTimeout <= submission.AnsweredAt)
        {
            session.Status = QuizSessionStatus.Expired;
            session.EndedAt = submission.AnsweredAt;
            session.Version++;
            await db.SaveChangesAsync(cancellationToken);
            return new RecordAnswerResult(RecordAnswerOutcome.Expired, session, null);
        }

        if (submission.QuestionIndex != session.CurrentIndex)
        {
            return new RecordAnswerResult(RecordAnswerOutcome.NotCurrent, session, null);
        }

        var answer = new QuizAnswer
        {
            SessionId = session.Id,
            QuestionIndex = submission.QuestionIndex,
            QuestionId = submission.QuestionId,
            Skill = submission.Skill,
            Reference = submission.Reference,
            ChosenOption = submission.ChosenOption,
            IsCorrect = submission.IsCorrect,
            UserKey = session.UserKey,
            CommunityKey = session.CommunityKey,
            AnsweredAt = submission.AnsweredAt,
        };
        db.Add(answer);
        session.CurrentIndex++;
        session.CorrectCount += submission.IsCorrect ? 1 : 0;
        session.LastActivityAt = submission.AnsweredAt;
        session.Version++;
        if (session.CurrentIndex >= session.QuestionCount)
        {
            session.Status = QuizSessionStatus.Completed;
            session.EndedAt = submission.AnsweredAt;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RecordAnswerResult(RecordAnswerOutcome.Recorded, session, answer);
    }

    private async Task<QuizAnswer?> FindAnswerAsync(string sessionId, int questionIndex, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<QuizAnswer>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.SessionId == sessionId && a.QuestionIndex == questionIndex, cancellationToken);
    }
}
