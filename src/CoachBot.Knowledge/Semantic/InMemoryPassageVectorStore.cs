using System.Collections.Concurrent;

namespace CoachBot.Knowledge.Semantic;

/// <summary>The vector store when no database is configured (tests, tools): vectors last as long as the process.</summary>
public sealed class InMemoryPassageVectorStore : IPassageVectorStore
{
    private readonly ConcurrentDictionary<(string Model, string Hash), float[]> _vectors = new();

    public int Count => _vectors.Count;

    public Task<IReadOnlyDictionary<string, float[]>> LoadAsync(string modelId, IReadOnlyCollection<string> textHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(textHashes);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var hash in textHashes)
        {
            if (_vectors.TryGetValue((modelId, hash), out var vector))
            {
                found[hash] = vector;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, float[]>>(found);
    }

    public Task SaveAsync(string modelId, IReadOnlyList<StoredVector> vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        foreach (var vector in vectors)
        {
            _vectors.TryAdd((modelId, vector.TextHash), vector.Vector);
        }

        return Task.CompletedTask;
    }

    public Task<int> DeleteAllExceptAsync(string modelId, IReadOnlyCollection<string> keepHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keepHashes);
        var keep = keepHashes.ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        foreach (var key in _vectors.Keys.Where(key => key.Model != modelId || !keep.Contains(key.Hash)))
        {
            deleted += _vectors.TryRemove(key, out _) ? 1 : 0;
        }

        return Task.FromResult(deleted);
    }
}
