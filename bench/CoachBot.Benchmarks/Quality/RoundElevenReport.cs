using System.Globalization;
using System.Numerics.Tensors;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// Round 11 of #12 (docs/benchmarks.md): a linear query adapter. A 384 × 384 map W (from the identity) is trained on the
/// knowledge base's own expansion questions only (curated and blind passage questions, each with the passages it points
/// at): softmax over every passage vector of cos(W q, p) / temperature, cross-entropy with its passages, plus
/// <c>lambda · ‖W − I‖²</c>; full-batch Adam. The map is applied to the query before it meets passages and sentences
/// (and, per row, sentences and questions). Development sets only (<c>quality-round11 [--embed-cache FILE] [--judged]</c>),
/// chosen by development hits before a held-out set is run; <c>--held-out --adapter LAMBDA:EPOCHS[:PARTS]</c> runs the
/// shipped row and that setting on the three held-out sets.
/// </summary>
public static class RoundElevenReport
{
    private static readonly double[] Lambdas = [1.0, 0.1, 0.01];
    private static readonly int[] Epochs = [50, 200];
    private static readonly string[] HeldOutSets = ["heldout.jsonl", "heldout-2.jsonl", "heldout-3.jsonl"];
    private const float Temperature = 0.05f;

    public static int Run(string[] args, TextWriter output)
    {
        var (knowledgeDirectory, knowledge) = QualityReport.LoadKnowledge();
        using var mini = new MiniLmTextEmbedder();
        using var memo = RoundSixReport.MemoEmbedder(mini, args);
        var heldOut = args.Contains("--held-out");
        var sets = heldOut
            ? HeldOutSets.Select(name => (Name: name, File: EvaluationFile.Read(Path.Combine(knowledgeDirectory, "eval", name)))).ToList()
            : RoundSixReport.LoadDevelopmentSets(knowledgeDirectory);
        var judged = args.Contains("--judged") ? RoundEightReport.Judgements(knowledgeDirectory, sets) : null;

        using var lucene = new LucenePassageRetriever(knowledge, RetrievalSettings.Default);
        using var warmup = new SemanticWarmup(new SemanticModel(memo), lucene, knowledge, new InMemoryPassageVectorStore());
        if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null || warmup.Index is not { } semantic)
        {
            throw new InvalidOperationException("The passage vectors could not be built.");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training pairs: {semantic.Questions.Count} expansion questions over {semantic.PassageCount} passages"));
        output.WriteLine("setting | " + string.Join(" | ", sets.Select(set => set.Name + " r@3/mrr/lost")) + " | hits" + (judged is null ? "" : " | judged hits"));

        var rows = new List<(string Label, HybridSettings Hybrid)> { ("shipped", HybridSettings.Default) };
        var chosen = Array.IndexOf(args, "--adapter");
        var grid = chosen >= 0 && chosen + 1 < args.Length
            ? [Parse(args[chosen + 1])]
            : heldOut ? [] : (from lambda in Lambdas from epochs in Epochs select (lambda, epochs, (int?)null)).ToList();
        foreach (var (lambda, epochs, all) in grid)
        {
            var map = Train(semantic, lambda, epochs, output);
            Func<float[], float[]> adapter = vector => Apply(map, vector);
            foreach (var parts in all is null ? Scopes : [all.Value])
            {
                rows.Add((Label(lambda, epochs, parts), HybridSettings.Default with { QueryAdapter = adapter, AdaptedParts = parts }));
            }
        }

        foreach (var (label, settings) in rows)
        {
            var hybrid = new HybridPassageRetriever(lucene, warmup, settings);
            var row = RoundFiveReport.Row(label, lucene, hybrid, sets);
            if (judged is not null)
            {
                row += " | " + RoundEightReport.JudgedHits(hybrid, sets, judged);
            }

            output.WriteLine(row);
            output.Flush();
        }

        memo.Save();
        return 0;
    }

    /// <summary>Which dense parts read the adapted query: passages; passages and sentences; all three; all but sentences.</summary>
    private static readonly int[] Scopes = [1, 3, 7, 5];

    private static (double Lambda, int Epochs, int? Parts) Parse(string text)
    {
        var parts = text.Split(':');
        int? scope = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), scope);
    }

    private static string Label(double lambda, int epochs, int parts) =>
        string.Create(CultureInfo.InvariantCulture, $"adapter lambda {lambda}, {epochs} epochs, adapted: {string.Join('+', new[] { (1, "passages"), (2, "sentences"), (4, "questions") }.Where(part => (parts & part.Item1) != 0).Select(part => part.Item2))}");

    /// <summary>W q, normalised.</summary>
    internal static float[] Apply(float[][] map, float[] vector)
    {
        var result = new float[map.Length];
        for (var row = 0; row < map.Length; row++)
        {
            result[row] = TensorPrimitives.Dot(map[row], vector);
        }

        var norm = TensorPrimitives.Norm(result);
        TensorPrimitives.Divide(result, norm, result);
        return result;
    }

    /// <summary>Full-batch Adam on the contrastive loss of the expansion questions against every passage.</summary>
    private static float[][] Train(SemanticPassageIndex semantic, double lambda, int epochs, TextWriter output)
    {
        var questions = semantic.Questions;
        var passages = Enumerable.Range(0, semantic.PassageCount).Select(semantic.PassageVector).ToArray();
        var dimensions = passages[0].Length;
        var map = Enumerable.Range(0, dimensions).Select(row => { var r = new float[dimensions]; r[row] = 1; return r; }).ToArray();
        var first = Enumerable.Range(0, dimensions).Select(_ => new float[dimensions]).ToArray();
        var second = Enumerable.Range(0, dimensions).Select(_ => new float[dimensions]).ToArray();
        const float rate = 0.002f, beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var gradient = Enumerable.Range(0, dimensions).Select(_ => new float[dimensions]).ToArray();
            var loss = 0.0;
            var u = new float[dimensions];
            var z = new float[dimensions];
            var gz = new float[dimensions];
            var scores = new float[passages.Length];
            foreach (var (q, docIds) in questions)
            {
                for (var row = 0; row < dimensions; row++)
                {
                    u[row] = TensorPrimitives.Dot(map[row], q);
                }

                var norm = TensorPrimitives.Norm(u);
                TensorPrimitives.Divide(u, norm, z);
                for (var j = 0; j < passages.Length; j++)
                {
                    scores[j] = TensorPrimitives.Dot(z, passages[j]) / Temperature;
                }

                var max = TensorPrimitives.Max(scores);
                var all = 0.0;
                var positive = 0.0;
                for (var j = 0; j < passages.Length; j++)
                {
                    all += Math.Exp(scores[j] - max);
                }

                foreach (var docId in docIds)
                {
                    positive += Math.Exp(scores[docId] - max);
                }

                loss -= Math.Log(positive / all);
                Array.Clear(gz);
                for (var j = 0; j < passages.Length; j++)
                {
                    var weight = Math.Exp(scores[j] - max) / all;
                    if (docIds.Contains(j))
                    {
                        weight -= Math.Exp(scores[j] - max) / positive;
                    }

                    TensorPrimitives.MultiplyAdd(passages[j], (float)(weight / Temperature), gz, gz);
                }

                // Through the normalisation: dL/du = (gz - (gz·z) z) / |u|; dL/dW = dL/du ⊗ q.
                var along = TensorPrimitives.Dot(gz, z);
                for (var row = 0; row < dimensions; row++)
                {
                    var gu = (gz[row] - (along * z[row])) / norm;
                    TensorPrimitives.MultiplyAdd(q, gu / questions.Count, gradient[row], gradient[row]);
                }
            }

            var correction1 = 1 - MathF.Pow(beta1, epoch);
            var correction2 = 1 - MathF.Pow(beta2, epoch);
            var penalty = 0.0;
            for (var row = 0; row < dimensions; row++)
            {
                for (var column = 0; column < dimensions; column++)
                {
                    var off = map[row][column] - (row == column ? 1f : 0f);
                    penalty += off * off;
                    var g = gradient[row][column] + (float)(2 * lambda * off);
                    first[row][column] = (beta1 * first[row][column]) + ((1 - beta1) * g);
                    second[row][column] = (beta2 * second[row][column]) + ((1 - beta2) * g * g);
                    map[row][column] -= rate * (first[row][column] / correction1) / (MathF.Sqrt(second[row][column] / correction2) + epsilon);
                }
            }

            if (epoch == 1 || epoch % 25 == 0 || epoch == epochs)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  lambda {lambda}, epoch {epoch}: loss {loss / questions.Count:0.0000}, |W - I|^2 {penalty:0.000}"));
                output.Flush();
            }
        }

        return map;
    }
}
