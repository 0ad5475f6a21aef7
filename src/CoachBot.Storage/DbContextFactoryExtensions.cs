using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage;

/// <summary>Runs work in one transaction in a way that is correct on both providers.</summary>
public static class DbContextFactoryExtensions
{
    /// <summary>
    /// Creates a context, begins a transaction and runs <paramref name="work"/> inside the provider's execution strategy
    /// (PostgreSQL retries transient failures, which EF only allows when the whole transaction is retryable, so
    /// <paramref name="work"/> may run more than once and must start from a clean context each time: it gets a new
    /// one per attempt). On SQLite the transaction is <c>BEGIN IMMEDIATE</c>, so reads inside it are already serialised
    /// with other writers. Commit happens when <paramref name="work"/> returns; an exception rolls back.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(
        this IDbContextFactory<CoachBotDbContext> contexts,
        Func<CoachBotDbContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(work);
        await using var probe = await contexts.CreateDbContextAsync(cancellationToken);
        var strategy = probe.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            (contexts, work),
            async (_, state, ct) =>
            {
                await using var db = await state.contexts.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await state.work(db, ct);
                await transaction.CommitAsync(ct);
                return result;
            },
            verifySucceeded: null,
            cancellationToken);
    }

    /// <summary>
    /// Inserts a claim row guarded by a unique index: true when this insert won, false when <paramref name="taken"/>
    /// finds the row another instance inserted first (any process on the database). Throws when the insert failed and
    /// no such row exists (a real failure, not a lost race).
    /// </summary>
    public static async Task<bool> TryInsertClaimAsync<T>(
        this IDbContextFactory<CoachBotDbContext> contexts,
        T claim,
        Func<IQueryable<T>, CancellationToken, Task<bool>> taken,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(taken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Add(claim);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // Decide below, on a fresh context, whether this was the unique index refusing a second claim.
            }
        }

        await using var check = await contexts.CreateDbContextAsync(cancellationToken);
        return await taken(check.Set<T>().AsNoTracking(), cancellationToken)
            ? false
            : throw new InvalidOperationException($"Could not store the {typeof(T).Name}.");
    }
}
