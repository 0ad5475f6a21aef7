using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Challenges;

/// <summary>EF Core implementation of <see cref="IChallengeScheduleStore"/>; the claim relies on the unique (community, week) index.</summary>
public sealed class ChallengeScheduleStore(IDbContextFactory<CoachBotDbContext> contexts) : IChallengeScheduleStore
{
    public async Task<ChallengeSchedule?> FindAsync(string communityKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChallengeSchedule>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.CommunityKey == communityKey, cancellationToken);
    }

    public async Task SaveAsync(ChallengeSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var existing = await db.Set<ChallengeSchedule>()
                .SingleOrDefaultAsync(s => s.CommunityKey == schedule.CommunityKey, cancellationToken);
            if (existing is null)
            {
                db.Add(Copy(schedule, new ChallengeSchedule { CommunityKey = schedule.CommunityKey }));
            }
            else
            {
                Copy(schedule, existing);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0 && existing is null)
            {
                // Another moderator created the row at the same moment: update it instead.
            }
        }
    }

    public async Task<bool> DisableAsync(string communityKey, string updatedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.Set<ChallengeSchedule>()
            .Where(s => s.CommunityKey == communityKey && s.Enabled)
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Enabled, false).SetProperty(x => x.UpdatedBy, updatedBy).SetProperty(x => x.UpdatedAt, at),
                cancellationToken);
        return changed == 1;
    }

    public async Task<IReadOnlyList<ChallengeSchedule>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChallengeSchedule>().AsNoTracking()
            .Where(s => s.Enabled)
            .OrderBy(s => s.CommunityKey)
            .ToListAsync(cancellationToken);
    }

    public async Task<ChallengeSlotClaim?> FindClaimAsync(string communityKey, string weekKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ChallengeSlotClaim>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.CommunityKey == communityKey && c.WeekKey == weekKey, cancellationToken);
    }

    public Task<bool> TryClaimAsync(ChallengeSlotClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return contexts.TryInsertClaimAsync(
            claim,
            (claims, ct) => claims.AnyAsync(c => c.CommunityKey == claim.CommunityKey && c.WeekKey == claim.WeekKey, ct),
            cancellationToken);
    }

    public async Task<bool> TryTakeRetryAsync(long claimId, string claimedBy, DateTimeOffset at, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.Set<ChallengeSlotClaim>()
            .Where(c => c.Id == claimId && c.Status == SlotClaimStatus.Failed && c.Attempts < maxAttempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Status, SlotClaimStatus.Claimed)
                    .SetProperty(c => c.Attempts, c => c.Attempts + 1)
                    .SetProperty(c => c.ClaimedBy, claimedBy)
                    .SetProperty(c => c.ClaimedAt, at),
                cancellationToken);
        return changed == 1;
    }

    public async Task MarkFailedAsync(long claimId, SlotClaimStatus status, string problem, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var message = problem.Length <= ChallengeLimits.ErrorLength ? problem : problem[..ChallengeLimits.ErrorLength];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<ChallengeSlotClaim>()
            .Where(c => c.Id == claimId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Status, status).SetProperty(c => c.LastError, message).SetProperty(c => c.CompletedAt, at),
                cancellationToken);
    }

    private static ChallengeSchedule Copy(ChallengeSchedule from, ChallengeSchedule to)
    {
        to.Platform = from.Platform;
        to.CommunityId = from.CommunityId;
        to.ChannelId = from.ChannelId;
        to.Day = from.Day;
        to.Hour = from.Hour;
        to.Minute = from.Minute;
        to.TimeZoneId = from.TimeZoneId;
        to.Enabled = from.Enabled;
        to.EffectiveFrom = from.EffectiveFrom;
        to.UpdatedBy = from.UpdatedBy;
        to.UpdatedAt = from.UpdatedAt;
        return to;
    }
}
