using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Dashboard;

public sealed class DashboardLinkStore(IDbContextFactory<CoachBotDbContext> contexts) : IDashboardLinkStore
{
    public async Task SaveAsync(DashboardSignInLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(link);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<DashboardSignInLink?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<DashboardSignInLink>().AsNoTracking()
            .SingleOrDefaultAsync(l => l.TokenHash == tokenHash && l.ConsumedAt == null && l.ExpiresAt > now, cancellationToken);
    }

    public async Task<DashboardSignInLink?> TryConsumeAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One conditional update decides: a second POST (or a racing one) finds ConsumedAt set and changes nothing.
        var changed = await db.Set<DashboardSignInLink>()
            .Where(l => l.TokenHash == tokenHash && l.ConsumedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ConsumedAt, now), cancellationToken);
        return changed == 1
            ? await db.Set<DashboardSignInLink>().AsNoTracking().SingleAsync(l => l.TokenHash == tokenHash, cancellationToken)
            : null;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<DashboardSignInLink>().Where(l => l.ExpiresAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<string> GetOrCreateSecretAsync(string name, Func<string> create, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<DashboardSecret>().AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, cancellationToken) is { } existing)
        {
            return existing.Value;
        }

        db.Add(new DashboardSecret { Name = name, Value = create(), CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process stored it first: everyone uses that one.
        }

        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        return (await fresh.Set<DashboardSecret>().AsNoTracking().SingleAsync(s => s.Name == name, cancellationToken)).Value;
    }
}
