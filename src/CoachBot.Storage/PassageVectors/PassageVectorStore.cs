using System.Runtime.InteropServices;
using CoachBot.Knowledge.Semantic;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.PassageVectors;

/// <summary>
/// <see cref="IPassageVectorStore"/> in the bot's database (table <c>passage_vectors</c>, both providers): a restart
/// loads the vectors instead of embedding again, and several processes on one database share them.
/// </summary>
public sealed class PassageVectorStore(IDbContextFactory<CoachBotDbContext> contexts, TimeProvider time) : IPassageVectorStore
{
    /// <summary>Hashes are looked up in slices of this many (one query each), far below any parameter limit.</summary>
    private const int LookupSlice = 500;

    public async Task<IReadOnlyDictionary<string, float[]>> LoadAsync(string modelId, IReadOnlyCollection<string> textHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(textHashes);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        foreach (var slice in textHashes.Distinct(StringComparer.Ordinal).Chunk(LookupSlice))
        {
            var rows = await db.Set<PassageVectorRecord>().AsNoTracking()
                .Where(v => v.ModelId == modelId && slice.Contains(v.TextHash))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows.Where(row => row.Vector.Length == row.Dimensions * sizeof(float)))
            {
                found[row.TextHash] = MemoryMarshal.Cast<byte, float>(row.Vector).ToArray();
            }
        }

        return found;
    }

    public async Task SaveAsync(string modelId, IReadOnlyList<StoredVector> vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var hashes = vectors.Select(v => v.TextHash).Distinct(StringComparer.Ordinal).ToList();
            var existing = (await db.Set<PassageVectorRecord>().AsNoTracking()
                .Where(v => v.ModelId == modelId && hashes.Contains(v.TextHash))
                .Select(v => v.TextHash)
                .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var now = time.GetUtcNow();
            foreach (var vector in vectors.DistinctBy(v => v.TextHash).Where(v => !existing.Contains(v.TextHash)))
            {
                db.Set<PassageVectorRecord>().Add(new PassageVectorRecord
                {
                    ModelId = modelId,
                    TextHash = vector.TextHash,
                    Dimensions = vector.Vector.Length,
                    Vector = MemoryMarshal.AsBytes(vector.Vector.AsSpan()).ToArray(),
                    CreatedAt = now,
                });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another process stored some of the same vectors between our read and write: read again, add the rest.
                // Several processes starting together on an empty database all store the shipped vectors at once, so
                // this can happen more than once in a row.
            }
        }
    }

    public async Task<int> DeleteAllExceptAsync(string modelId, IReadOnlyCollection<string> keepHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keepHashes);
        var keep = keepHashes.ToHashSet(StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // The table holds one row per text of the knowledge base (about 1,200): its keys are read, the stale ones
        // deleted in slices (one statement each), far below any parameter limit.
        var keys = await db.Set<PassageVectorRecord>().AsNoTracking()
            .Select(v => new { v.ModelId, v.TextHash })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var model in keys.Where(key => key.ModelId != modelId || !keep.Contains(key.TextHash)).GroupBy(key => key.ModelId, StringComparer.Ordinal))
        {
            foreach (var slice in model.Select(key => key.TextHash).Chunk(LookupSlice))
            {
                deleted += await db.Set<PassageVectorRecord>()
                    .Where(v => v.ModelId == model.Key && slice.Contains(v.TextHash))
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return deleted;
    }
}
