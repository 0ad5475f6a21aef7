namespace CoachBot.Storage.PassageVectors;

/// <summary>
/// One stored sentence vector of the knowledge base (a passage with its heading path, an expansion question or a
/// sentence), keyed by the model that made it and the SHA-256 of the text embedded. Vectors of texts that no longer
/// exist (or of another model) are deleted after each successful warm-up (<c>SemanticWarmup</c>).
/// </summary>
public sealed class PassageVectorRecord
{
    /// <summary>The embedding model and version (<c>ITextEmbedder.ModelId</c>).</summary>
    public string ModelId { get; set; } = "";

    /// <summary>Lowercase hex SHA-256 of the UTF-8 text that was embedded.</summary>
    public string TextHash { get; set; } = "";

    public int Dimensions { get; set; }

    /// <summary>The vector as little-endian 32-bit floats.</summary>
    public byte[] Vector { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
