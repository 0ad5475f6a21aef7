using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Review;

public sealed class ReviewItemStore(IDbContextFactory<CoachBotDbContext> contexts) : IReviewItemStore
{
    public async Task<ReviewItem> AddOrLapseAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            return await contexts.InTransactionAsync((db, ct) => AddOrLapseInTransactionAsync(db, item, ct), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two misses of the same thing at once: the other insert won; count this one as a lapse of it.
            return await contexts.InTransactionAsync((db, ct) => AddOrLapseInTransactionAsync(db, item, ct), cancellationToken);
        }
    }

    private static async Task<ReviewItem> AddOrLapseInTransactionAsync(CoachBotDbContext db, ReviewItem item, CancellationToken cancellationToken)
    {
        var existing = await db.Set<ReviewItem>().SingleOrDefaultAsync(
            i => i.UserKey == item.UserKey && i.Kind == item.Kind && i.SourceId == item.SourceId, cancellationToken);
        if (existing is null)
        {
            var added = item.Copy();
            added.Lapses = Math.Max(1, item.Lapses);
            db.Add(added);
            await db.SaveChangesAsync(cancellationToken);
            return added.Copy();
        }

        existing.CommunityKey = item.CommunityKey;
        existing.Skill = item.Skill;
        existing.Reference = item.Reference;
        existing.Prompt = item.Prompt;
        existing.Answer = item.Answer;
        existing.EaseFactor = item.EaseFactor;
        existing.Repetitions = item.Repetitions;
        existing.IntervalDays = item.IntervalDays;
        existing.DueAt = item.DueAt;
        existing.Lapses++;
        existing.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return existing.Copy();
    }

    public async Task<ReviewItem?> FindAsync(string itemId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ReviewItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewItem>> DueAsync(string userKey, DateTimeOffset now, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ReviewItem>().AsNoTracking()
            .Where(i => i.UserKey == userKey && i.DueAt <= now)
            .OrderBy(i => i.DueAt).ThenBy(i => i.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    public async Task<int> DueCountAsync(string userKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ReviewItem>().CountAsync(i => i.UserKey == userKey && i.DueAt <= now, cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAfterAsync(string userKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var next = await db.Set<ReviewItem>().AsNoTracking()
            .Where(i => i.UserKey == userKey && i.DueAt > now)
            .OrderBy(i => i.DueAt)
            .Select(i => i.DueAt)
            .Take(1)
            .ToListAsync(cancellationToken);
        return next.Count == 0 ? null : next[0];
    }

    public async Task<bool> RecordReviewAsync(ReviewItem rescheduled, ReviewAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rescheduled);
        ArgumentNullException.ThrowIfNull(answer);
        return await contexts.InTransactionAsync(
            async (db, ct) =>
            {
                var stored = await db.Set<ReviewItem>().SingleOrDefaultAsync(i => i.Id == rescheduled.Id, ct);
                if (stored is null || stored.UserKey != rescheduled.UserKey || stored.UserKey != answer.UserKey
                    || stored.Version != rescheduled.Version)
                {
                    return false;
                }

                stored.EaseFactor = rescheduled.EaseFactor;
                stored.Repetitions = rescheduled.Repetitions;
                stored.IntervalDays = rescheduled.IntervalDays;
                stored.DueAt = rescheduled.DueAt;
                stored.LastReviewedAt = answer.AnsweredAt;
                stored.Lapses += answer.IsCorrect ? 0 : 1;
                stored.Version++;
                db.Add(new ReviewAnswer
                {
                    ItemId = stored.Id,
                    UserKey = stored.UserKey,
                    CommunityKey = answer.CommunityKey,
                    Skill = stored.Skill,
                    Kind = stored.Kind,
                    IsCorrect = answer.IsCorrect,
                    AnsweredAt = answer.AnsweredAt,
                });
                await db.SaveChangesAsync(ct);
                return true;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewItem>> ItemsForUserAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ReviewItem>().AsNoTracking()
            .Where(i => i.UserKey == userKey)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewAnswer>> AnswersForUserAsync(string userKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ReviewAnswer>().AsNoTracking()
            .Where(a => a.UserKey == userKey && a.AnsweredAt >= since)
            .OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }
}
