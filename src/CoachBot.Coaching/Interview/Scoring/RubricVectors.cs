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

        var texts = new List<string>(question.Rubric.Count + 1) { question.Question };
        texts.AddRange(question.Rubric.Select(p => p.Point));
        var vectors = Embed(texts, cancellationToken);
        return _cache.GetValue(question, _ => new QuestionVectors(vectors[0], vectors[1..]));
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

/// <summary>The question's vector and one vector per rubric point, in rubric order.</summary>
public sealed record QuestionVectors(float[] Question, float[][] Points);
