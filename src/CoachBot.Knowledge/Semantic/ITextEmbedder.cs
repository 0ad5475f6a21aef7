namespace CoachBot.Knowledge.Semantic;

/// <summary>
/// Turns text into unit-length sentence vectors, so the cosine of two texts is their dot product. Thread-safe.
/// <see cref="ModelId"/> names the model (and its version), so stored vectors are only reused with the model that made them.
/// </summary>
public interface ITextEmbedder
{
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>One vector per text, in order. Callers batch small (8 or so): memory grows with the batch.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
