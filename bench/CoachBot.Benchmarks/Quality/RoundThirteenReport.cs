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
        foreach (var (label, create) in rows)
        {
            var embedder = create();
            var started = DateTime.UtcNow;
            using var warmup = new SemanticWarmup(new SemanticModel(embedder), lucene, knowledge, new InMemoryPassageVectorStore());
            if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
            {
                throw new InvalidOperationException("The passage vectors could not be built.");
            }

            var hybrid = new HybridPassageRetriever(lucene, warmup, HybridSettings.Default);
            var row = RoundFiveReport.Row(label, lucene, hybrid, sets);
            if (judged is not null)
            {
                row += " | " + RoundEightReport.JudgedHits(hybrid, sets, judged);
            }

            output.WriteLine(row + string.Create(CultureInfo.InvariantCulture, $" ({(DateTime.UtcNow - started).TotalSeconds:0} s)"));
            output.Flush();
            (embedder as RoundFiveReport.MemoTextEmbedder)?.Save();
            (embedder as IDisposable)?.Dispose();
        }

        return 0;
    }
}
