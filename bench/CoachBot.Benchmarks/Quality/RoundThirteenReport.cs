using System.Globalization;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// Round 13 of #12 (docs/benchmarks.md): all-MiniLM-L6-v2 fine-tuned on the knowledge base's own expansion questions
/// (tools/finetune), each model given as an ONNX file, against the shipped model: the whole hybrid retriever with every
/// passage, sentence and expansion question embedded by that model. Development sets only unless <c>--held-out</c>.
/// <c>quality-round13 --model FILE [--model FILE…] [--embed-cache FILE] [--judged] [--held-out]</c>
/// </summary>
public static class RoundThirteenReport
{
    private static readonly string[] HeldOutSets = ["heldout.jsonl", "heldout-2.jsonl", "heldout-3.jsonl"];

    public static int Run(string[] args, TextWriter output)
    {
        var (knowledgeDirectory, knowledge) = QualityReport.LoadKnowledge();
        var sets = args.Contains("--held-out")
            ? HeldOutSets.Select(name => (Name: name, File: EvaluationFile.Read(Path.Combine(knowledgeDirectory, "eval", name)))).ToList()
            : RoundSixReport.LoadDevelopmentSets(knowledgeDirectory);
        var judged = args.Contains("--judged") ? RoundEightReport.Judgements(knowledgeDirectory, sets) : null;
        var models = args.Select((arg, i) => (arg, i)).Where(pair => pair.arg == "--model" && pair.i + 1 < args.Length).Select(pair => args[pair.i + 1]).ToList();
        output.WriteLine("model | " + string.Join(" | ", sets.Select(set => set.Name + " r@3/mrr/lost")) + " | hits" + (judged is null ? "" : " | judged hits"));

        using var lucene = new LucenePassageRetriever(knowledge, RetrievalSettings.Default);
        var rows = new List<(string Label, Func<ITextEmbedder> Create)> { ("shipped (all-MiniLM-L6-v2)", () => RoundSixReport.MemoEmbedder(new MiniLmTextEmbedder(), args)) };
        rows.AddRange(models.Select(path => (path, (Func<ITextEmbedder>)(() => new OnnxMiniLmTextEmbedder("tuned:" + path, () => File.ReadAllBytes(path))))));
        HybridPassageRetriever? shippedHybrid = null;
        var keep = new List<IDisposable>();
        foreach (var (label, create) in rows)
        {
            var embedder = create();
            var started = DateTime.UtcNow;
            var warmup = new SemanticWarmup(new SemanticModel(embedder), lucene, knowledge, new InMemoryPassageVectorStore());
            if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
            {
                throw new InvalidOperationException("The passage vectors could not be built.");
            }

            var qwAt = Array.IndexOf(args, "--question-weight");
            var settings = qwAt >= 0 ? HybridSettings.Default with { QuestionWeight = double.Parse(args[qwAt + 1], CultureInfo.InvariantCulture) } : HybridSettings.Default;
            var hybrid = new HybridPassageRetriever(lucene, warmup, settings);
            var row = RoundFiveReport.Row(label, lucene, hybrid, sets);
            if (shippedHybrid is null)
            {
                shippedHybrid = hybrid;
            }
            else
            {
                var tuned = new HybridPassageRetriever(lucene, warmup, HybridSettings.Default with { QuestionWeight = 0 });
                foreach (var share in new[] { 0.3, 0.5 })
                {
                    output.WriteLine(RoundFiveReport.Row(string.Create(CultureInfo.InvariantCulture, $"shipped + {label} (questions 0) fused, tuned share {share}"), lucene, new TwoRankings(shippedHybrid, tuned, share), sets));
                }
            }
            if (judged is not null)
            {
                row += " | " + RoundEightReport.JudgedHits(hybrid, sets, judged);
            }

            output.WriteLine(row + string.Create(CultureInfo.InvariantCulture, $" ({(DateTime.UtcNow - started).TotalSeconds:0} s)"));
            output.Flush();
            (embedder as RoundFiveReport.MemoTextEmbedder)?.Save();
            if (embedder is IDisposable disposable) { keep.Add(disposable); }
        }

        return 0;
    }

    private sealed class TwoRankings(IPassageRetriever first, IPassageRetriever second, double secondShare) : IPassageRetriever
    {
        public RetrievalResult Search(string query, int k = 3)
        {
            var a = first.Search(query, 20);
            var b = second.Search(query, 20);
            var scores = new Dictionary<string, (ScoredPassage Passage, double Score)>();
            void Add(RetrievalResult result, double share)
            {
                for (var i = 0; i < result.Passages.Count; i++)
                {
                    var p = result.Passages[i];
                    var add = share / (60 + i + 1);
                    scores[p.Passage.Id] = scores.TryGetValue(p.Passage.Id, out var was) ? (was.Passage, was.Score + add) : (p, add);
                }
            }

            Add(a, 1 - secondShare);
            Add(b, secondShare);
            return a with { Passages = scores.Values.OrderByDescending(v => v.Score).Take(k).Select(v => v.Passage).ToList() };
        }
    }
}
