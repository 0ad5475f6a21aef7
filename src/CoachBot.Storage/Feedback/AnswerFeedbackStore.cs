using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Feedback;

public sealed class AnswerFeedbackStore(IDbContextFactory<CoachBotDbContext> contexts) : IAnswerFeedbackStore
{
    private const int MaxComments = 5;

    public async Task SaveAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        // The question log and the buttons' reference: nobody is told it is recorded (SqliteDurability).
        using var relaxed = Sqlite.SqliteDurability.Relaxed();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(answer);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AnswerRecord?> FindAnswerAsync(string answerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<AnswerRecord>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == answerId, cancellationToken);
    }

    public async Task<AnswerRecord?> LatestAnswerAsync(string askerKey, string conversationKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<AnswerRecord>().AsNoTracking()
            .Where(a => a.AskerKey == askerKey && a.ConversationKey == conversationKey)
            .OrderByDescending(a => a.AnsweredAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<VoteOutcome> VoteAsync(
        AnswerRecord answer, string voterKey, FeedbackVote vote, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            return await contexts.InTransactionAsync((db, ct) => VoteInTransactionAsync(db, answer, voterKey, vote, at, ct), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first clicks raced past the read (PostgreSQL reads committed): the unique index kept one row; change it.
            return await contexts.InTransactionAsync((db, ct) => VoteInTransactionAsync(db, answer, voterKey, vote, at, ct), cancellationToken);
        }
    }

    public async Task<bool> SetCommentAsync(string answerId, string voterKey, string comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var clipped = comment.Length <= AnswerVote.CommentLength ? comment : comment[..AnswerVote.CommentLength];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.Set<AnswerVote>()
            .Where(v => v.AnswerId == answerId && v.VoterKey == voterKey && v.Vote == FeedbackVote.Down)
            .ExecuteUpdateAsync(setters => setters.SetProperty(v => v.Comment, clipped), cancellationToken);
        return changed > 0;
    }

    public async Task<AnswerVote?> FindVoteAsync(string answerId, string voterKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<AnswerVote>().AsNoTracking()
            .SingleOrDefaultAsync(v => v.AnswerId == answerId && v.VoterKey == voterKey, cancellationToken);
    }

    public async Task<FeedbackTotals> TotalsAsync(string? communityKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await Votes(db, communityKey, since)
            .GroupBy(v => v.Vote)
            .Select(g => new { Vote = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new FeedbackTotals(
            counts.Where(c => c.Vote == FeedbackVote.Up).Sum(c => c.Count),
            counts.Where(c => c.Vote == FeedbackVote.Down).Sum(c => c.Count));
    }

    public async Task<IReadOnlyList<DownVotedAnswer>> MostDownVotedAsync(
        string? communityKey, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var top = await Votes(db, communityKey, since)
            .Where(v => v.Vote == FeedbackVote.Down)
            .GroupBy(v => v.AnswerId)
            .Select(g => new { AnswerId = g.Key, Down = g.Count(), Last = g.Max(v => v.Id) })
            .OrderByDescending(g => g.Down)
            .ThenByDescending(g => g.Last)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var ids = top.Select(t => t.AnswerId).ToList();
        var answers = await db.Set<AnswerRecord>().AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var votes = await db.Set<AnswerVote>().AsNoTracking()
            .Where(v => ids.Contains(v.AnswerId))
            .Select(v => new { v.Id, v.AnswerId, v.Vote, v.Comment })
            .ToListAsync(cancellationToken);
        return top
            .Where(t => answers.ContainsKey(t.AnswerId))
            .Select(t => new DownVotedAnswer(
                answers[t.AnswerId],
                t.Down,
                votes.Count(v => v.AnswerId == t.AnswerId && v.Vote == FeedbackVote.Up),
                votes.Where(v => v.AnswerId == t.AnswerId && !string.IsNullOrWhiteSpace(v.Comment))
                    .OrderByDescending(v => v.Id)
                    .Take(MaxComments)
                    .Select(v => v.Comment!)
                    .ToList()))
            .ToList();
    }

    public Task<int> PurgeOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(
            async (db, ct) =>
            {
                // Votes first, so the purge never depends on the database's cascade.
                var old = db.Set<AnswerRecord>().Where(a => a.AnsweredAt < before).Select(a => a.Id);
                await db.Set<AnswerVote>().Where(v => old.Contains(v.AnswerId)).ExecuteDeleteAsync(ct);
                return await db.Set<AnswerRecord>().Where(a => a.AnsweredAt < before).ExecuteDeleteAsync(ct);
            },
            cancellationToken);

    private static IQueryable<AnswerVote> Votes(CoachBotDbContext db, string? communityKey, DateTimeOffset since)
    {
        var votes = db.Set<AnswerVote>().AsNoTracking().Where(v => v.VotedAt >= since);
        return communityKey is null ? votes : votes.Where(v => v.CommunityKey == communityKey);
    }

    private static async Task<VoteOutcome> VoteInTransactionAsync(
        CoachBotDbContext db, AnswerRecord answer, string voterKey, FeedbackVote vote, DateTimeOffset at, CancellationToken ct)
    {
        var existing = await db.Set<AnswerVote>().SingleOrDefaultAsync(v => v.AnswerId == answer.Id && v.VoterKey == voterKey, ct);
        if (existing is null)
        {
            db.Add(new AnswerVote
            {
                AnswerId = answer.Id,
                CommunityKey = answer.CommunityKey,
                VoterKey = voterKey,
                Vote = vote,
                VotedAt = at,
            });
            await db.SaveChangesAsync(ct);
            return VoteOutcome.Recorded;
        }

        if (existing.Vote == vote)
        {
            return VoteOutcome.Unchanged;
        }

        existing.Vote = vote;
        existing.VotedAt = at;
        if (vote == FeedbackVote.Up)
        {
            existing.Comment = null;
        }

        await db.SaveChangesAsync(ct);
        return VoteOutcome.Changed;
    }
}
