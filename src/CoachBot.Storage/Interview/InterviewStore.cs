using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Interview;

/// <summary>
/// The interview store on the coach's database (SQLite or PostgreSQL): one short-lived context per operation, the
/// filtered unique index keeping one active interview per user and conversation, and the version column refusing
/// concurrent updates.
/// </summary>
public sealed class InterviewStore(IDbContextFactory<CoachBotDbContext> contexts) : IInterviewStore
{
    public async Task<IReadOnlyList<InterviewSessionRecord>> FindActiveAsync(string userKey, string channelKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<InterviewSessionRecord>()
            .AsNoTracking()
            .Include(s => s.Answers)
            .Where(s => s.UserKey == userKey && s.ChannelKey == channelKey && s.Status == InterviewSessionStatus.Active)
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> TryCreateAsync(InterviewSessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(session);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index: this user already has an active interview here (two starts raced).
            return false;
        }
    }

    public async Task<bool> SaveAsync(InterviewSessionRecord session, InterviewAnswerRecord? newAnswer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<InterviewSessionRecord>().FirstOrDefaultAsync(s => s.Id == session.Id, cancellationToken);
        if (stored is null || stored.Version != session.Version)
        {
            return false;
        }

        stored.ThreadId = session.ThreadId;
        stored.CurrentIndex = session.CurrentIndex;
        stored.Status = session.Status;
        stored.LastActivityAt = session.LastActivityAt;
        stored.EndedAt = session.EndedAt;
        stored.AverageScore = session.AverageScore;
        stored.LevelEstimate = session.LevelEstimate;
        stored.Version = session.Version + 1;
        if (newAnswer is not null)
        {
            newAnswer.Id = 0;
            newAnswer.SessionId = session.Id;
            db.Add(newAnswer);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // DbUpdateConcurrencyException (the version moved on) or the (session, question) unique index.
            return false;
        }

        session.Version = stored.Version;
        return true;
    }

    public async Task<IReadOnlyList<InterviewSessionRecord>> FinishedForUserAsync(string userKey, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<InterviewSessionRecord>()
            .AsNoTracking()
            .Include(s => s.Answers)
            .Where(s => s.UserKey == userKey && s.Status != InterviewSessionStatus.Active)
            .OrderByDescending(s => s.EndedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }
}
