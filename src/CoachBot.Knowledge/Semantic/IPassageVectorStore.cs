namespace CoachBot.Knowledge.Semantic;

/// <summary>
/// Where sentence vectors of the knowledge base (passages and expansion questions) are kept between runs, keyed by the
/// model that made them (<see cref="ITextEmbedder.ModelId"/>) and the SHA-256 of the exact text embedded
/// (<see cref="TextHash"/>): a restart reuses them, several processes share them, and a changed text gets a new key,
/// so it is embedded again. The storage feature provides a database-backed one; without it, vectors live in memory.
/// </summary>
public interface IPassageVectorStore
{
    /// <summary>The stored vectors among <paramref name="textHashes"/> for <paramref name="modelId"/>, keyed by text hash (missing ones left out).</summary>
    Task<IReadOnlyDictionary<string, float[]>> LoadAsync(string modelId, IReadOnlyCollection<string> textHashes, CancellationToken cancellationToken);

    /// <summary>Stores vectors; a key already stored (another process was first) is kept as it is.</summary>
    Task SaveAsync(string modelId, IReadOnlyList<StoredVector> vectors, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every stored vector except those of <paramref name="modelId"/> whose hash is in <paramref name="keepHashes"/>:
    /// vectors of texts no longer in the knowledge base, and of other models, are never read again. Returns how many
    /// were deleted.
    /// </summary>
    Task<int> DeleteAllExceptAsync(string modelId, IReadOnlyCollection<string> keepHashes, CancellationToken cancellationToken);
}

/// <summary>A vector and the <see cref="TextHash"/> of the text it was made from.</summary>
public sealed record StoredVector(string TextHash, float[] Vector);
