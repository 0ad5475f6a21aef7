using System.Collections.Concurrent;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Ai.Answers.Meaning;

/// <summary>
/// Sentence vectors of the guides' sentences, embedded on first use and kept in memory (the guides hold a few hundred
/// sentences, about 1.5 KB each), so a warm answer embeds nothing but, at most, the question. Misses are embedded in
/// small batches. Thread-safe; null when the semantic model is off.
/// </summary>
public sealed class SentenceVectorCache(SemanticModel model)
{
    /// <summary>Embedding batches stay small: memory grows with the batch.</summary>
    public const int BatchSize = 8;

    /// <summary>A bound well above the guides' sentence count, so odd inputs cannot grow the cache without end.</summary>
    public const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public bool IsEnabled => model.Embedder is not null;

    public int Count => _vectors.Count;

    /// <summary>One vector per text, in order; null when the model is off.</summary>
    public float[][]? Get(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var embedder = model.Embedder;
        if (embedder is null)
        {
            return null;
        }

        var result = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (_vectors.TryGetValue(texts[i], out var vector))
            {
                result[i] = vector;
            }
            else
            {
                missing.Add(i);
            }
        }

        foreach (var batch in missing.Select(i => texts[i]).Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            var vectors = embedder.Embed(batch, cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                if (_vectors.Count < MaxEntries)
                {
                    _vectors.TryAdd(batch[j], vectors[j]);
                }

                foreach (var i in missing.Where(i => texts[i] == batch[j]))
                {
                    result[i] = vectors[j];
                }
            }
        }

        return result;
    }

    /// <summary>The question's vector: embedded now (questions are not cached; they rarely repeat word for word).</summary>
    public float[]? EmbedQuestion(string question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        return model.Embedder?.Embed([question], cancellationToken)[0];
    }
}
