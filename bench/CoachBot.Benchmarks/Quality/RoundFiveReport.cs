using System.Globalization;
using System.Text.Json;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// Round 5 of #12 (docs/benchmarks.md): the sentence-level and neighbour-vote rankings, each setting on the development
/// sets only (<c>quality-round5 [--all] [--embed-cache FILE]</c>; without <c>--all</c> the typo settings only), and the
/// misses of any set counted by category without printing a question (<c>quality-round5 --categories SET.jsonl
/// [--set Name=value]…</c>: all the held-out set may show).
/// </summary>
public static class RoundFiveReport
{
    private static readonly string[] DevelopmentSets = ["questions.jsonl", "dev-paraphrases.jsonl", "dev-paraphrases-2.jsonl", "dev-typos.jsonl"];

    public static int Run(string[] args, TextWriter output)
    {
        var (knowledgeDirectory, knowledge) = QualityReport.LoadKnowledge();
        var cacheAt = Array.IndexOf(args, "--embed-cache");
        using var model = new MiniLmTextEmbedder();
        using var embedder = new MemoTextEmbedder(model, cacheAt >= 0 && cacheAt + 1 < args.Length ? args[cacheAt + 1] : null);
        using var lucene = new LucenePassageRetriever(knowledge);
        using var warmup = new SemanticWarmup(new SemanticModel(embedder), lucene, knowledge, new InMemoryPassageVectorStore());
        if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The passage vectors could not be built.");
        }

        var categoriesAt = Array.IndexOf(args, "--categories");
        if (categoriesAt >= 0 && categoriesAt + 1 < args.Length)
        {
            var settings = Settings(args);
            var file = EvaluationFile.Read(Path.Combine(knowledgeDirectory, "eval", args[categoriesAt + 1]));
            Categories(lucene, warmup, settings, file.Cases, output);
            embedder.Save();
            return 0;
        }

        var sets = DevelopmentSets.Select(name => (Name: name, File: EvaluationFile.Read(Path.Combine(knowledgeDirectory, "eval", name)))).ToList();
        output.WriteLine("setting | " + string.Join(" | ", sets.Select(set => set.Name + " r@3/mrr/lost")) + " | hits");
        foreach (var (label, settings) in Grid(args.Contains("--all")))
        {
            output.WriteLine(Row(label, lucene, new HybridPassageRetriever(lucene, warmup, settings), sets));
        }

        embedder.Save();
        return 0;
    }

    /// <summary>One grid row: per set recall@3 / MRR / Lucene top-3 hits lost by <paramref name="retriever"/>, then the hits over all sets.</summary>
    internal static string Row(string label, IPassageRetriever lucene, IPassageRetriever retriever, IReadOnlyList<(string Name, EvaluationFile File)> sets)
    {
        var hits = 0;
        var cells = sets.Select(set =>
        {
            var result = new RetrievalEvaluator(retriever).Evaluate(set.File.Cases, 3);
            hits += result.Hits;
            var lost = SemanticQualityReport.LostByFusion(lucene, retriever, set.File.Cases, 3).Count;
            return string.Create(CultureInfo.InvariantCulture, $"{result.Recall:0.000} / {result.MeanReciprocalRank:0.000} / {lost}");
        }).ToList();
        return $"{label} | {string.Join(" | ", cells)} | {hits}";
    }

    /// <summary>The settings named on the command line (<c>--set Name=value</c>, repeated), on top of the shipped ones.</summary>
    private static HybridSettings Settings(string[] args)
    {
        var settings = HybridSettings.Default;
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] != "--set")
            {
                continue;
            }

            var (name, value) = (args[i + 1].Split('=')[0], args[i + 1].Split('=')[1]);
            var number = double.Parse(value, CultureInfo.InvariantCulture);
            settings = name switch
            {
                nameof(HybridSettings.SentenceTopN) => settings with { SentenceTopN = (int)number },
                nameof(HybridSettings.SentenceBlend) => settings with { SentenceBlend = number },
                nameof(HybridSettings.NeighbourQuestions) => settings with { NeighbourQuestions = (int)number },
                nameof(HybridSettings.NeighbourShare) => settings with { NeighbourShare = number },
                nameof(HybridSettings.SentenceListShare) => settings with { SentenceListShare = number },
                nameof(HybridSettings.DenseCorrectionMinLength) => settings with { DenseCorrectionMinLength = (int)number },
                nameof(HybridSettings.LexicalCorrectionMinLength) => settings with { LexicalCorrectionMinLength = (int)number },
                _ => throw new ArgumentException($"Unknown setting {name}."),
            };
        }

        return settings;
    }

    private static IEnumerable<(string Label, HybridSettings Settings)> Grid(bool all)
    {
        var shipped = HybridSettings.Default;
        yield return ("shipped", shipped);
        foreach (var dense in new[] { 5, 2 })
        {
            foreach (var lexical in new[] { 0, 5, 4, 3, 2 })
            {
                yield return ($"typos: dense corrects from {dense} letters, Lucene from {lexical} (0: off)", shipped with { DenseCorrectionMinLength = dense, LexicalCorrectionMinLength = lexical });
            }
        }

        if (!all)
        {
            yield break;
        }

        foreach (var topN in new[] { 2, 3 })
        {
            yield return ($"sentence top-{topN} mean", shipped with { SentenceTopN = topN });
        }

        foreach (var blend in new[] { 0.3, 0.5, 0.7 })
        {
            foreach (var topN in new[] { 1, 2 })
            {
                yield return (string.Create(CultureInfo.InvariantCulture, $"blend {blend:0.0} passage+sentence top-{topN}"), shipped with { SentenceBlend = blend, SentenceTopN = topN });
            }
        }

        foreach (var share in new[] { 0.25, 0.5 })
        {
            foreach (var topN in new[] { 1, 2 })
            {
                yield return (string.Create(CultureInfo.InvariantCulture, $"sentence list share {share:0.00} top-{topN}"), shipped with { SentenceListShare = share, SentenceTopN = topN });
            }
        }

        foreach (var neighbours in new[] { 5, 10, 20, 40 })
        {
            foreach (var share in new[] { 0.25, 0.5 })
            {
                yield return (string.Create(CultureInfo.InvariantCulture, $"votes k={neighbours} share {share:0.00}"), shipped with { NeighbourQuestions = neighbours, NeighbourShare = share });
            }
        }
    }

    /// <summary>
    /// The misses of a set by category, counts only: whether the spelling corrector changes the question (typo),
    /// where the evidence's passage sits in the fused ranking (4–10, 11–50, further), and whether the top 3 hold another
    /// passage of the evidence's section or guide. Also the same for Lucene alone.
    /// </summary>
    private static void Categories(LucenePassageRetriever lucene, SemanticWarmup warmup, HybridSettings settings, IReadOnlyList<EvaluationCase> cases, TextWriter output)
    {
        var hybrid = new HybridPassageRetriever(lucene, warmup, settings);
        var spelling = SpellingCorrector.For(lucene.Index, warmup.Knowledge);
        foreach (var (name, retriever) in new (string, IPassageRetriever)[] { ("lucene", lucene), ("fused", hybrid) })
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            void Count(string category) => counts[category] = counts.GetValueOrDefault(category) + 1;
            var hits = 0;
            foreach (var evaluationCase in cases)
            {
                var ranked = retriever.Search(evaluationCase.Question, LucenePassageRetriever.MaxK).Passages;
                var evidence = Normalize(evaluationCase.Evidence);
                var rank = ranked.ToList().FindIndex(passage => Normalize(passage.Passage.Text).Contains(evidence, StringComparison.Ordinal)) + 1;
                var typo = spelling.Correct(evaluationCase.Question) is not null;
                Count(typo ? "all: typo corrected" : "all: no typo corrected");
                if (rank is > 0 and <= 3)
                {
                    hits++;
                    Count(typo ? "hits: typo corrected" : "hits: no typo corrected");
                    continue;
                }

                Count("misses");
                Count(spelling.Correct(evaluationCase.Question) is null ? "no typo corrected" : "typo corrected");
                Count(rank switch
                {
                    0 => $"evidence not in top {LucenePassageRetriever.MaxK}",
                    <= 10 => "evidence at rank 4-10",
                    _ => "evidence at rank 11+",
                });
                var evidenceChunk = lucene.Index.Chunks.FirstOrDefault(chunk => Normalize(chunk.Passage.Text).Contains(evidence, StringComparison.Ordinal));
                if (evidenceChunk is null)
                {
                    Count("evidence in no passage");
                    continue;
                }

                var top = ranked.Take(3).ToList();
                Count(top.Any(passage => lucene.Index.Chunks.First(chunk => chunk.Passage.Id == passage.Passage.Id).Section.Reference == evidenceChunk.Section.Reference)
                    ? "top 3 has the evidence's section (another passage)"
                    : top.Any(passage => passage.Passage.GuideId == evidenceChunk.Passage.GuideId) ? "top 3 has the evidence's guide, not its section" : "top 3 has not the evidence's guide");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: hits {hits} of {cases.Count}"));
            foreach (var (category, count) in counts)
            {
                output.WriteLine($"  {category}: {count}");
            }
        }
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>Embeds each distinct text once per process (and across runs, with a cache file): the grid re-asks the same questions.</summary>
    internal sealed class MemoTextEmbedder : ITextEmbedder, IDisposable
    {
        private readonly ITextEmbedder _inner;
        private readonly string? _file;
        private readonly Dictionary<string, float[]> _vectors;
        private readonly Lock _gate = new();

        public MemoTextEmbedder(ITextEmbedder inner, string? file)
        {
            _inner = inner;
            _file = file;
            _vectors = file is not null && File.Exists(file)
                ? JsonSerializer.Deserialize<Dictionary<string, float[]>>(File.ReadAllText(file)) ?? []
                : [];
        }

        public string ModelId => _inner.ModelId;

        public int Dimensions => _inner.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            List<string> missing;
            lock (_gate)
            {
                missing = texts.Where(text => !_vectors.ContainsKey(text)).Distinct(StringComparer.Ordinal).ToList();
            }

            if (missing.Count > 0)
            {
                var made = _inner.Embed(missing, cancellationToken);
                lock (_gate)
                {
                    for (var i = 0; i < missing.Count; i++)
                    {
                        _vectors[missing[i]] = made[i];
                    }
                }
            }

            lock (_gate)
            {
                return texts.Select(text => _vectors[text]).ToArray();
            }
        }

        public void Save()
        {
            if (_file is not null)
            {
                lock (_gate)
                {
                    File.WriteAllText(_file, JsonSerializer.Serialize(_vectors));
                }
            }
        }

        public void Dispose()
        {
        }
    }
}
