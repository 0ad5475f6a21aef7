using CoachBot.Storage.Quiz;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Reminders;

/// <summary>EF Core implementation of <see cref="IReminderStore"/>; the claim relies on the unique (member, local date) index.</summary>
public sealed class ReminderStore(IDbContextFactory<CoachBotDbContext> contexts) : IReminderStore
{
    public async Task<MemberReminder?> FindAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<MemberReminder>().AsNoTracking().SingleOrDefaultAsync(r => r.UserKey == userKey, cancellationToken);
    }

    public async Task SaveAsync(MemberReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await db.Set<MemberReminder>().SingleOrDefaultAsync(r => r.UserKey == reminder.UserKey, cancellationToken);
            if (row is null)
            {
                row = new MemberReminder { UserKey = reminder.UserKey };
                db.Add(row);
            }

            row.Platform = reminder.Platform;
            row.UserId = reminder.UserId;
            row.Enabled = reminder.Enabled;
            row.Day = reminder.Day;
            row.Hour = reminder.Hour;
            row.Minute = reminder.Minute;
            row.TimeZoneId = reminder.TimeZoneId;
            row.EffectiveFrom = reminder.EffectiveFrom;
            row.UpdatedAt = reminder.UpdatedAt;
            row.StoppedReason = reminder.StoppedReason;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same member saved from another process at the same moment: update that row instead.
            }
        }
    }

    public async Task<bool> DisableAsync(string userKey, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<MemberReminder>()
            .Where(r => r.UserKey == userKey && r.Enabled)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Enabled, false).SetProperty(r => r.StoppedReason, reason).SetProperty(r => r.UpdatedAt, at), cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<MemberReminder>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<MemberReminder>().AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    public Task<bool> TryClaimAsync(MemberReminderSend claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return contexts.TryInsertClaimAsync(
            claim,
            (claims, ct) => claims.AnyAsync(s => s.UserKey == claim.UserKey && s.LocalDate == claim.LocalDate, ct),
            cancellationToken);
    }

    public async Task CompleteAsync(long claimId, ReminderSendStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<MemberReminderSend>()
            .Where(s => s.Id == claimId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, status).SetProperty(x => x.CompletedAt, at), cancellationToken);
    }
}
