namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>A model-free embedder: each word hashes to a dimension (bag of words), normalised. Deterministic and instant.</summary>
internal sealed class HashingTextEmbedder : ITextEmbedder
{
    public string ModelId => "hashing-test-embedder";

    public int Dimensions => 64;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        texts.Select(text =>
        {
            var vector = new float[Dimensions];
            foreach (var word in text.ToLowerInvariant().Split(' ', '\n', '.', ',', '?', ':', '>'))
            {
                if (word.Length > 0)
                {
                    vector[(int)((uint)StringComparer.Ordinal.GetHashCode(word) % Dimensions)] += 1;
                }
            }

            var length = MathF.Sqrt(vector.Sum(x => x * x));
            return length == 0 ? vector : vector.Select(x => x / length).ToArray();
        }).ToArray();
}

/// <summary>Counts the texts (and calls) that reach the wrapped embedder.</summary>
internal sealed class CountingTextEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private int _texts;
    private int _calls;

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    public int Texts => _texts;

    public int Calls => _calls;

    public List<int> BatchSizes { get; } = [];

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _texts, texts.Count);
        Interlocked.Increment(ref _calls);
        lock (BatchSizes)
        {
            BatchSizes.Add(texts.Count);
        }

        return inner.Embed(texts, cancellationToken);
    }
}
