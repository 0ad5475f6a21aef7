using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Challenges;

/// <summary>EF Core implementation of <see cref="IModeratorAuditLog"/>; details are cut to the column length, never dropped.</summary>
public sealed class ModeratorAuditLog(IDbContextFactory<CoachBotDbContext> contexts) : IModeratorAuditLog
{
    public async Task RecordAsync(ModeratorAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Details = Cut(entry.Details, ChallengeLimits.DetailsLength);
        entry.ActorName = Cut(entry.ActorName, StorageLimits.DisplayNameLength);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ModeratorAuditEntry>> ListAsync(string communityKey, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ModeratorAuditEntry>().AsNoTracking()
            .Where(e => e.CommunityKey == communityKey)
            .OrderByDescending(e => e.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
