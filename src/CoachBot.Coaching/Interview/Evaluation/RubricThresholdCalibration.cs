using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Scoring;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Coaching.Interview.Evaluation;

/// <summary>
/// <c>eval-interview --calibrate FILE</c>: derives the <see cref="RubricMatchThresholds"/> from the question bank and a
/// file of rubric-point paraphrases (<c>{"question_id": "...", "point": 0, "paraphrase": "..."}</c> per line), never
/// from labelled answers. Covers: the cut that best separates a paraphrase's similarity to its own point from its
/// similarity to the same question's other points (Youden's J). On-topic: the 95th percentile of a point's similarity to
/// the questions of other tracks.
/// </summary>
public static class RubricThresholdCalibration
{
    public static RubricMatchThresholds Run(InterviewBank bank, RubricVectors vectors, string paraphraseFile, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(output);
        var questions = bank.Questions;
        var all = questions.Select(q => (Question: q, Vectors: vectors.For(q))).ToList();

        var otherTrackQuestions = new List<float>();
        foreach (var (question, target) in all)
        {
            for (var point = 0; point < target.PointCount; point++)
            {
                var variants = target.VectorsOf(point).ToList();
                otherTrackQuestions.AddRange(all.Where(o => o.Question.Track != question.Track).Select(o => variants.Max(v => VectorMath.Dot(v, o.Vectors.Question))));
            }
        }

        var own = new List<float>();
        var siblings = new List<float>();
        var nearestIsOwn = 0;
        foreach (var line in File.ReadLines(paraphraseFile).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("question_id").GetString() ?? string.Empty;
            var index = json.RootElement.GetProperty("point").GetInt32();
            var text = json.RootElement.GetProperty("paraphrase").GetString() ?? string.Empty;
            var question = bank.Find(id) ?? throw new InvalidDataException($"{paraphraseFile}: no question '{id}'.");
            var target = vectors.For(question);
            var vector = vectors.Embed([text])[0];
            var similarities = Enumerable.Range(0, target.PointCount).Select(point => target.Similarity(vector, point)).ToArray();
            for (var p = 0; p < similarities.Length; p++)
            {
                (p == index ? own : siblings).Add(similarities[p]);
            }

            nearestIsOwn += Array.IndexOf(similarities, similarities.Max()) == index ? 1 : 0;
        }

        var (covers, j) = Youden(own, siblings);
        var onTopic = Percentile(otherTrackQuestions, 0.95);
        Describe(output, "paraphrase vs its own point", own);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paraphrases nearest to their own point: {nearestIsOwn}/{own.Count}; Youden J own vs siblings: {j:0.000}"));
        Describe(output, "paraphrase vs sibling points", siblings);
        Describe(output, "point vs other tracks' questions", otherTrackQuestions);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"covers={covers:0.000} (Youden cut own vs siblings) on_topic={onTopic:0.000} (p95 other-track questions)"));
        return new RubricMatchThresholds(covers, onTopic);
    }

    /// <summary>The cut maximising true-positive rate minus false-positive rate.</summary>
    private static (float Cut, double J) Youden(List<float> positives, List<float> negatives)
    {
        var best = 0f;
        var bestJ = double.MinValue;
        foreach (var cut in positives.Concat(negatives).Distinct().Order())
        {
            var tpr = positives.Count(v => v >= cut) / (double)positives.Count;
            var fpr = negatives.Count(v => v >= cut) / (double)negatives.Count;
            if (tpr - fpr > bestJ)
            {
                bestJ = tpr - fpr;
                best = cut;
            }
        }

        return (best, bestJ);
    }

    private static float Percentile(List<float> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }

    private static void Describe(TextWriter output, string name, List<float> values) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: n={values.Count} p10={Percentile(values, 0.1):0.000} p50={Percentile(values, 0.5):0.000} p90={Percentile(values, 0.9):0.000} p95={Percentile(values, 0.95):0.000} p99={Percentile(values, 0.99):0.000}"));
}
