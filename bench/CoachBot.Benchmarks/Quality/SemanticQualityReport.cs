using System.Globalization;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// The semantic side of the quality report (#12): lexical (Lucene, shipped), semantic (dense only), and fused by
/// reciprocal rank fusion and by a weighted sum, on both sets; then the questions Lucene alone has in its top k that
/// fusion loses (questions.jsonl listed, heldout.jsonl counted by line only). <c>--tune</c> prints a grid of fusion
/// settings on questions.jsonl only (the held-out set is never tuned on).
/// </summary>
public static class SemanticQualityReport
{
    public static void Run(KnowledgeBase knowledge, IReadOnlyList<(string Name, EvaluationFile File)> sets, int k, bool tune, TextWriter output)
    {
        using var embedder = new MiniLmTextEmbedder();
        using var lucene = new LucenePassageRetriever(knowledge);
        using var warmup = new SemanticWarmup(new SemanticModel(embedder), lucene, knowledge, new InMemoryPassageVectorStore());
        var started = DateTime.UtcNow;
        if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The passage vectors could not be built.");
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Semantic retrieval (#12) — vectors built in {(DateTime.UtcNow - started).TotalSeconds:F1} s"));
        var columns = new List<(string Name, IPassageRetriever Retriever)>
        {
            ("lexical (Lucene)", lucene),
            ("semantic (dense only)", new HybridPassageRetriever(lucene, warmup, HybridSettings.Default with { Fusion = FusionMethod.Reciprocal, LexicalWeight = 0 })),
            ("fused RRF", new HybridPassageRetriever(lucene, warmup, HybridSettings.Default with { Fusion = FusionMethod.Reciprocal })),
            ("fused weighted sum", new HybridPassageRetriever(lucene, warmup, HybridSettings.Default with { Fusion = FusionMethod.WeightedSum, LexicalWeight = WeightedSumLexicalWeight })),
            ("shipped (HybridSettings.Default)", new HybridPassageRetriever(lucene, warmup)),
        };

        output.WriteLine($"{"set",-16} {string.Join(" ", columns.Select(column => $"{column.Name,-32}"))}");
        foreach (var (name, file) in sets)
        {
            var cells = columns.Select(column => Cell(new RetrievalEvaluator(column.Retriever).Evaluate(file.Cases, k)));
            output.WriteLine($"{name,-16} {string.Join(" ", cells.Select(cell => $"{cell,-32}"))}");
        }

        var shipped = columns[^1].Retriever;
        output.WriteLine();
        foreach (var (name, file) in sets)
        {
            var lost = LostByFusion(lucene, shipped, file.Cases, k);
            output.WriteLine($"Lucene top-{k} hits lost by the shipped fusion on {name}: {lost.Count}");
            foreach (var lostCase in lost)
            {
                output.WriteLine(name != "heldout.jsonl" ? $"  line {lostCase.Line}: {lostCase.Question}" : $"  line {lostCase.Line}");
            }
        }

        if (tune)
        {
            Tune(lucene, warmup, sets.Where(set => set.Name != "heldout.jsonl").ToList(), k, output);
        }
    }

    /// <summary>The weighted-sum setting compared in the table (the best of the --tune grid on questions.jsonl).</summary>
    public const double WeightedSumLexicalWeight = 0.3;

    /// <summary>Questions whose evidence Lucene alone has in its top k and <paramref name="fused"/> does not.</summary>
    public static List<EvaluationCase> LostByFusion(IPassageRetriever lucene, IPassageRetriever fused, IReadOnlyList<EvaluationCase> cases, int k)
    {
        var lucenHits = new RetrievalEvaluator(lucene).Evaluate(cases, k).Misses.Select(miss => miss.Case.Line).ToHashSet();
        var fusedMisses = new RetrievalEvaluator(fused).Evaluate(cases, k).Misses.Select(miss => miss.Case).ToList();
        return fusedMisses.Where(miss => !lucenHits.Contains(miss.Line)).ToList();
    }

    private static string Cell(EvaluationResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"r@{result.K}={result.Recall:0.000} mrr={result.MeanReciprocalRank:0.000}");

    private static void Tune(LucenePassageRetriever lucene, SemanticWarmup warmup, IReadOnlyList<(string Name, EvaluationFile File)> devSets, int k, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Tuning grid on {string.Join(" + ", devSets.Select(set => set.Name))} (per set: recall, mrr, Lucene hits lost):");
        var grid = new List<HybridSettings>();
        foreach (var separate in new[] { false, true })
        {
            foreach (var weight in new[] { 0.5, 0.6 })
            {
                foreach (var rrfK in new[] { 30.0, 60.0 })
                {
                    foreach (var questions in new[] { 0.8, 1.0 })
                    {
                        grid.Add(HybridSettings.Default with
                        {
                            Fusion = FusionMethod.Reciprocal,
                            SeparateDenseLists = separate,
                            LexicalWeight = weight,
                            ReciprocalK = rrfK,
                            QuestionWeight = questions,
                        });
                    }
                }
            }
        }

        foreach (var settings in grid)
        {
            var retriever = new HybridPassageRetriever(lucene, warmup, settings);
            var cells = devSets.Select(set =>
            {
                var result = new RetrievalEvaluator(retriever).Evaluate(set.File.Cases, k);
                var lost = LostByFusion(lucene, retriever, set.File.Cases, k).Count;
                return string.Create(CultureInfo.InvariantCulture, $"r@{k}={result.Recall:0.000} mrr={result.MeanReciprocalRank:0.000} lost={lost}");
            });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  separate={(settings.SeparateDenseLists ? 1 : 0)} lexical={settings.LexicalWeight:0.0} k={settings.ReciprocalK,3:0} questions={settings.QuestionWeight:0.0} sentences={settings.SentenceWeight:0.0}  {string.Join("  ", cells)}"));
        }
    }
}
