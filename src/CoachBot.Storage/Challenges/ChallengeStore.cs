using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Challenges;

/// <summary>EF Core implementation of <see cref="IChallengeStore"/>: a short-lived context per operation, safe as a singleton.</summary>
public sealed class ChallengeStore(IDbContextFactory<CoachBotDbContext> contexts) : IChallengeStore
{
    public async Task<Challenge?> FindOpenAsync(string communityKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Challenge>().AsNoTracking()
            .Where(c => c.CommunityKey == communityKey && c.ClosedAt == null)
            .OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Challenge?> FindLatestAsync(string communityKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Challenge>().AsNoTracking()
            .Where(c => c.CommunityKey == communityKey)
            .OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Challenge?> FindAwaitingWinnersAsync(string communityKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Challenge>().AsNoTracking()
            .Where(c => c.CommunityKey == communityKey && c.ClosedAt != null && c.WinnersAnnouncedAt == null)
            .OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<PublishedChallenge> PublishAsync(Challenge challenge, long? claimId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Set<Challenge>()
            .Where(c => c.CommunityKey == challenge.CommunityKey && c.ClosedAt == null)
            .OrderByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        foreach (var previous in open)
        {
            previous.ClosedAt = challenge.PostedAt;
        }

        ChallengeSlotClaim? claim = null;
        if (claimId is { } id)
        {
            claim = await db.Set<ChallengeSlotClaim>().SingleAsync(c => c.Id == id, cancellationToken);
            claim.Status = SlotClaimStatus.Posted;
            claim.CompletedAt = challenge.PostedAt;
            claim.LastError = null;
        }

        db.Add(challenge);

        // One SaveChanges is one transaction: the old challenge closes, the new one opens and the claim is marked posted
        // together, or none of it happens.
        await db.SaveChangesAsync(cancellationToken);
        if (claim is not null)
        {
            claim.ChallengeId = challenge.Id;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new PublishedChallenge(challenge, open.FirstOrDefault());
    }

    public async Task<bool> CloseAsync(long challengeId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.Set<Challenge>()
            .Where(c => c.Id == challengeId && c.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, at), cancellationToken);
        return changed == 1;
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> BankUsageAsync(string communityKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<Challenge>().AsNoTracking()
            .Where(c => c.CommunityKey == communityKey && c.BankId != null)
            .Select(c => new { c.BankId, c.PostedAt })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.BankId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(r => r.PostedAt), StringComparer.Ordinal);
    }

    public async Task<SubmissionSaveResult> SaveSubmissionAsync(
        long challengeId, string userKey, string displayName, string content, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var existing = await db.Set<ChallengeSubmission>()
                .SingleOrDefaultAsync(s => s.ChallengeId == challengeId && s.UserKey == userKey, cancellationToken);
            if (existing is not null)
            {
                existing.Content = content;
                existing.DisplayName = displayName;
                existing.UpdatedAt = at;
                existing.EditCount++;
                await db.SaveChangesAsync(cancellationToken);
                return SubmissionSaveResult.Updated;
            }

            db.Add(new ChallengeSubmission
            {
                ChallengeId = challengeId,
                UserKey = userKey,
                DisplayName = displayName,
                Content = content,
                SubmittedAt = at,
                UpdatedAt = at,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return SubmissionSaveResult.Created;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same member submitted twice at once and the other insert won the unique index: edit it instead.
            }
        }
    }

    public async Task<ChallengeSubmission?> FindSubmissionAsync(long challengeId, string userKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChallengeSubmission>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChallengeId == challengeId && s.UserKey == userKey, cancellationToken);
    }

    public async Task<IReadOnlyList<ChallengeSubmission>> ListSubmissionsAsync(long challengeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChallengeSubmission>().AsNoTracking()
            .Where(s => s.ChallengeId == challengeId)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CountSubmissionsAsync(long challengeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChallengeSubmission>().CountAsync(s => s.ChallengeId == challengeId, cancellationToken);
    }

    public async Task<bool> RecordWinnersAsync(long challengeId, IReadOnlyList<WinnerPick> winners, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(winners);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var challenge = await db.Set<Challenge>().SingleOrDefaultAsync(c => c.Id == challengeId, cancellationToken);
        if (challenge is null)
        {
            return false;
        }

        // The conditional update is the claim: of two moderators naming winners at once, only one gets a row back.
        var claimed = await db.Set<Challenge>()
            .Where(c => c.Id == challengeId && c.WinnersAnnouncedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.WinnersAnnouncedAt, at), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        foreach (var winner in winners.DistinctBy(w => w.UserKey, StringComparer.Ordinal))
        {
            db.Add(new ChallengeWinner
            {
                ChallengeId = challengeId,
                CommunityKey = challenge.CommunityKey,
                UserKey = winner.UserKey,
                DisplayName = winner.DisplayName,
                AwardedAt = at,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(string communityKey, int top, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var wins = await db.Set<ChallengeWinner>().AsNoTracking()
            .Where(w => w.CommunityKey == communityKey)
            .GroupBy(w => w.UserKey)
            .Select(g => new { UserKey = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var submissions = await (
                from s in db.Set<ChallengeSubmission>().AsNoTracking()
                join c in db.Set<Challenge>().AsNoTracking() on s.ChallengeId equals c.Id
                where c.CommunityKey == communityKey
                group s by s.UserKey into g
                select new { UserKey = g.Key, Count = g.Count(), LastId = g.Max(x => x.Id) })
            .ToListAsync(cancellationToken);
        var lastIds = submissions.Select(s => s.LastId).ToList();
        var names = await db.Set<ChallengeSubmission>().AsNoTracking()
            .Where(s => lastIds.Contains(s.Id))
            .Select(s => new { s.UserKey, s.DisplayName })
            .ToListAsync(cancellationToken);
        var nameOf = names.ToDictionary(n => n.UserKey, n => n.DisplayName, StringComparer.Ordinal);
        var winnerNames = await db.Set<ChallengeWinner>().AsNoTracking()
            .Where(w => w.CommunityKey == communityKey)
            .Select(w => new { w.UserKey, w.DisplayName })
            .ToListAsync(cancellationToken);
        foreach (var winner in winnerNames)
        {
            nameOf.TryAdd(winner.UserKey, winner.DisplayName);
        }

        var winCount = wins.ToDictionary(w => w.UserKey, w => w.Count, StringComparer.Ordinal);
        var submissionCount = submissions.ToDictionary(s => s.UserKey, s => s.Count, StringComparer.Ordinal);
        return winCount.Keys.Union(submissionCount.Keys, StringComparer.Ordinal)
            .Select(key => new LeaderboardRow(
                key,
                nameOf.GetValueOrDefault(key, key),
                winCount.GetValueOrDefault(key),
                submissionCount.GetValueOrDefault(key)))
            .OrderByDescending(r => r.Wins)
            .ThenByDescending(r => r.Submissions)
            .ThenBy(r => r.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Take(top)
            .ToList();
    }

    public async Task<IReadOnlyList<Challenge>> ListAwaitingReminderAsync(DateTimeOffset now, DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Challenge>().AsNoTracking()
            .Where(c => c.ClosedAt == null && c.ReminderSentAt == null && c.DueAt > now && c.DueAt <= dueBy)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> TryMarkReminderSentAsync(long challengeId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.Set<Challenge>()
            .Where(c => c.Id == challengeId && c.ReminderSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderSentAt, at), cancellationToken);
        return changed == 1;
    }
}
