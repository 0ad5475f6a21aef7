using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Ai.Answers.Meaning;

/// <summary>
/// How close in meaning a question is to each sentence of the passages retrieved for it (cosine of sentence vectors,
/// all-MiniLM-L6-v2). The question's vector comes from retrieval when it embedded the same text, otherwise it is
/// embedded here (one short embedding); sentence vectors come from the <see cref="SentenceVectorCache"/>.
/// </summary>
public sealed class QuestionMeaning
{
    /// <summary>Sentences shorter than this are list labels ("SQL", "Prepare for Interviews"): too short to judge meaning.</summary>
    public const int MinWordsForEvidence = 5;

    private readonly Dictionary<string, float> _similarity;

    private QuestionMeaning(float[] questionVector, Dictionary<string, float> similarity)
    {
        QuestionVector = questionVector;
        _similarity = similarity;
    }

    public float[] QuestionVector { get; }

    /// <summary>Measures the question against every sentence of the passages; null when the semantic model is off.</summary>
    public static QuestionMeaning? Measure(
        string question,
        IReadOnlyList<ScoredPassage> passages,
        float[]? questionVector,
        SentenceVectorCache cache,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(cache);
        if (!cache.IsEnabled)
        {
            return null;
        }

        var sentences = passages.Take(OfflineComposer.MaxPassages)
            .SelectMany(p => SentenceSplitter.Split(p.Passage.Text))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var vector = questionVector ?? cache.EmbedQuestion(question, cancellationToken);
        var vectors = cache.Get(sentences, cancellationToken);
        if (vector is null || vectors is null)
        {
            return null;
        }

        var similarity = new Dictionary<string, float>(sentences.Length, StringComparer.Ordinal);
        for (var i = 0; i < sentences.Length; i++)
        {
            similarity[sentences[i]] = VectorMath.Dot(vector, vectors[i]);
        }

        return new QuestionMeaning(vector, similarity);
    }

    /// <summary>The cosine between the question and a sentence (0 for a sentence that was not measured).</summary>
    public float SimilarityTo(string sentence) => _similarity.GetValueOrDefault(sentence);

    /// <summary>The closest sentence long enough to carry meaning, and its cosine (0 when there is none).</summary>
    public (string? Sentence, float Similarity) Closest()
    {
        string? best = null;
        var bestSimilarity = 0f;
        foreach (var (sentence, similarity) in _similarity)
        {
            if (similarity > bestSimilarity && WordCount(sentence) >= MinWordsForEvidence)
            {
                best = sentence;
                bestSimilarity = similarity;
            }
        }

        return (best, bestSimilarity);
    }

    private static int WordCount(string text) => text.Count(char.IsWhiteSpace) + 1;
}
