using System.Runtime.CompilerServices;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Coaching.Interview.Scoring;

/// <summary>
/// Sentence vectors of the texts an answer is compared with: the question and each rubric point. Embedded once per
/// question (in batches of at most <see cref="BatchSize"/>) and kept for the life of the bank's question objects.
/// </summary>
public sealed class RubricVectors(ITextEmbedder embedder)
{
    public const int BatchSize = 8;

    private readonly ConditionalWeakTable<InterviewQuestion, QuestionVectors> _cache = [];

    public ITextEmbedder Embedder => embedder;

    public QuestionVectors For(InterviewQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (_cache.TryGetValue(question, out var cached))
        {
            return cached;
        }

        // Each point twice: as written, and followed by its keywords ("… bucket index (hash function, hash code,
        // bucket, hashing)"): the keywords name the same idea in the words candidates use. A sentence's similarity to
        // a point is the better of the two (chosen on knowledge/eval/rubric-paraphrases.jsonl: with the keyworded text
        // too, 29 of 34 paraphrases are nearest to their own point instead of 25).
        var count = question.Rubric.Count;
        var texts = new List<string>((2 * count) + 1) { question.Question };
        texts.AddRange(question.Rubric.Select(p => p.Point));
        texts.AddRange(question.Rubric.Select(p => p.Keywords.Count == 0 ? p.Point : p.Point + " (" + string.Join(", ", p.Keywords) + ")"));
        var vectors = Embed(texts, cancellationToken);
        return _cache.GetValue(question, _ => new QuestionVectors(vectors[0], vectors[1..(count + 1)], vectors[(count + 1)..]));
    }

    /// <summary>Embeds texts in batches of <see cref="BatchSize"/>: memory grows with the batch, not the total.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var batch = texts.Skip(start).Take(BatchSize).ToList();
            var vectors = embedder.Embed(batch, cancellationToken);
            for (var i = 0; i < vectors.Length; i++)
            {
                result[start + i] = vectors[i];
            }
        }

        return result;
    }
}

/// <summary>
/// The question's vector and, per rubric point in rubric order, the vector of the point as written and of the point
/// followed by its keywords.
/// </summary>
public sealed record QuestionVectors(float[] Question, float[][] Points, float[][] KeywordedPoints)
{
    public int PointCount => Points.Length;

    /// <summary>The cosine of <paramref name="vector"/> with point <paramref name="point"/>: the better of its two texts.</summary>
    public float Similarity(ReadOnlySpan<float> vector, int point) =>
        Math.Max(VectorMath.Dot(vector, Points[point]), VectorMath.Dot(vector, KeywordedPoints[point]));

    /// <summary>The vectors of point <paramref name="point"/> (as written, keyworded).</summary>
    public IEnumerable<float[]> VectorsOf(int point) => [Points[point], KeywordedPoints[point]];
}
