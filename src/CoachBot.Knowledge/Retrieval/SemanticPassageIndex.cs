using CoachBot.Knowledge.Semantic;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// The sentence vectors of every passage (by Lucene document id) and of every expansion question (with the passages it
/// points at). Immutable once built; thread-safe.
/// </summary>
public sealed class SemanticPassageIndex
{
    private readonly float[][] _passageVectors;
    private readonly (float[] Vector, int[] DocIds)[] _questions;
    private readonly (float[] Vector, int[] DocIds)[] _sentences;

    public SemanticPassageIndex(
        string modelId,
        IReadOnlyList<float[]> passageVectors,
        IReadOnlyList<(float[] Vector, int[] DocIds)> questions,
        IReadOnlyList<(float[] Vector, int[] DocIds)>? sentences = null)
    {
        ArgumentNullException.ThrowIfNull(passageVectors);
        ArgumentNullException.ThrowIfNull(questions);
        ModelId = modelId;
        _passageVectors = [.. passageVectors];
        _questions = [.. questions];
        _sentences = [.. sentences ?? []];
        var reference = _questions.Select(question => question.Vector).ToArray();
        _passageHubness = _passageVectors.Select(vector => Hubness(vector, reference)).ToArray();
        _questionHubness = _questions.Select(question => Hubness(question.Vector, reference, skipSelf: true)).ToArray();
        _sentenceHubness = _sentences.Select(sentence => Hubness(sentence.Vector, reference)).ToArray();
    }

    /// <summary>How many nearest expansion questions a vector's hubness is averaged over.</summary>
    public const int HubnessNeighbours = 10;

    private readonly float[] _passageHubness;
    private readonly float[] _questionHubness;
    private readonly float[] _sentenceHubness;

    public int SentenceCount => _sentences.Length;

    public string ModelId { get; }

    public int PassageCount => _passageVectors.Length;

    public int QuestionCount => _questions.Length;

    public float[] PassageVector(int docId) => _passageVectors[docId];

    /// <summary>The cosine of <paramref name="query"/> with each passage's own vector, by document id.</summary>
    public float[] PassageSimilarities(ReadOnlySpan<float> query, float hubnessWeight = 0)
    {
        var similarities = new float[_passageVectors.Length];
        for (var docId = 0; docId < similarities.Length; docId++)
        {
            similarities[docId] = VectorMath.Dot(query, _passageVectors[docId]) - (hubnessWeight * _passageHubness[docId]);
        }

        return similarities;
    }

    /// <summary>
    /// For each passage, the best cosine of <paramref name="query"/> with an expansion question pointing at it
    /// (<see cref="float.MinValue"/> for a passage no question points at).
    /// </summary>
    public float[] QuestionSimilarities(ReadOnlySpan<float> query, float hubnessWeight = 0) => BestOf(_questions, _questionHubness, hubnessWeight, query);

    /// <summary>For each passage, the best cosine of <paramref name="query"/> with one of its sentences (<see cref="float.MinValue"/> when none were embedded).</summary>
    public float[] SentenceSimilarities(ReadOnlySpan<float> query, float hubnessWeight = 0) => BestOf(_sentences, _sentenceHubness, hubnessWeight, query);

    /// <summary>
    /// For each passage, the mean of its <paramref name="topN"/> best sentence cosines with <paramref name="query"/> (of all
    /// of them when it has fewer; <see cref="float.MinValue"/> when none were embedded).
    /// </summary>
    public float[] SentenceSimilarities(ReadOnlySpan<float> query, int topN)
    {
        if (topN <= 1)
        {
            return SentenceSimilarities(query);
        }

        var best = new List<float>?[_passageVectors.Length];
        foreach (var (vector, docIds) in _sentences)
        {
            var similarity = VectorMath.Dot(query, vector);
            foreach (var docId in docIds)
            {
                (best[docId] ??= []).Add(similarity);
            }
        }

        return best.Select(similarities => similarities is null
            ? float.MinValue
            : similarities.OrderByDescending(similarity => similarity).Take(topN).Average()).ToArray();
    }

    /// <summary>
    /// The query's <paramref name="neighbours"/> nearest expansion questions, over all sections, vote for the passages they
    /// point at: each passage gets the sum of the cosines of those of them that point at it (0 when none does). A passage
    /// whose section several near questions point at ranks above one that a single near question points at.
    /// </summary>
    public float[] QuestionVotes(ReadOnlySpan<float> query, int neighbours)
    {
        var votes = new float[_passageVectors.Length];
        if (neighbours <= 0 || _questions.Length == 0)
        {
            return votes;
        }

        var similarities = new float[_questions.Length];
        for (var i = 0; i < similarities.Length; i++)
        {
            similarities[i] = VectorMath.Dot(query, _questions[i].Vector);
        }

        var nearest = Enumerable.Range(0, similarities.Length)
            .OrderByDescending(i => similarities[i])
            .ThenBy(i => i)
            .Take(neighbours);
        foreach (var i in nearest)
        {
            foreach (var docId in _questions[i].DocIds)
            {
                votes[docId] += Math.Max(0, similarities[i]);
            }
        }

        return votes;
    }

    /// <summary>
    /// The mean cosine of a vector with its nearest expansion questions: a text close to many questions (a generic
    /// introduction) is a "hub" that would otherwise come first for every vague question. Subtracting a share of it
    /// from the query's cosine (as in cross-domain similarity local scaling) ranks texts by how specifically they fit.
    /// </summary>
    private static float Hubness(float[] vector, float[][] reference, bool skipSelf = false)
    {
        if (reference.Length == 0)
        {
            return 0;
        }

        var similarities = reference.Where(other => !(skipSelf && ReferenceEquals(other, vector))).Select(other => VectorMath.Dot(vector, other)).ToArray();
        Array.Sort(similarities);
        var top = similarities.AsSpan(Math.Max(0, similarities.Length - HubnessNeighbours));
        return top.Length == 0 ? 0 : System.Numerics.Tensors.TensorPrimitives.Sum(top) / top.Length;
    }

    private float[] BestOf((float[] Vector, int[] DocIds)[] pointers, float[] hubness, float hubnessWeight, ReadOnlySpan<float> query)
    {
        var best = new float[_passageVectors.Length];
        Array.Fill(best, float.MinValue);
        for (var i = 0; i < pointers.Length; i++)
        {
            var (vector, docIds) = pointers[i];
            var similarity = VectorMath.Dot(query, vector) - (hubnessWeight * hubness[i]);
            foreach (var docId in docIds)
            {
                best[docId] = Math.Max(best[docId], similarity);
            }
        }

        return best;
    }
}
