using System.Globalization;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// Round 10 of #12 (docs/benchmarks.md): dense pseudo-relevance feedback (<see cref="HybridSettings.FeedbackWeight"/>,
/// <see cref="HybridSettings.FeedbackPassages"/>) against the shipped retriever, on the development sets only
/// (<c>quality-round10 [--embed-cache FILE] [--judged]</c>), chosen by development hits (then fewer Lucene hits lost,
/// then MRR) before a held-out set is run. <c>--held-out</c> runs the shipped row and the settings given with
/// <c>--feedback WEIGHT:PASSAGES</c> on the three held-out sets.
/// </summary>
public static class RoundTenReport
{
    private static readonly double[] Weights = [0.25, 0.5, 1.0];
    private static readonly int[] PassageCounts = [1, 3, 5];
    private static readonly string[] HeldOutSets = ["heldout.jsonl", "heldout-2.jsonl", "heldout-3.jsonl"];

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
        output.WriteLine("setting | " + string.Join(" | ", sets.Select(set => set.Name + " r@3/mrr/lost")) + " | hits" + (judged is null ? "" : " | judged hits"));

        var rows = new List<(string Label, HybridSettings Hybrid)> { ("shipped", HybridSettings.Default) };
        var chosen = Array.IndexOf(args, "--feedback");
        if (chosen >= 0 && chosen + 1 < args.Length)
        {
            var parts = args[chosen + 1].Split(':');
            rows.Add((Label(double.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)), Feedback(double.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture))));
        }
        else if (!heldOut)
        {
            rows.AddRange(from weight in Weights from count in PassageCounts select (Label(weight, count), Feedback(weight, count)));
        }

        using var lucene = new LucenePassageRetriever(knowledge, RetrievalSettings.Default);
        using var warmup = new SemanticWarmup(new SemanticModel(memo), lucene, knowledge, new InMemoryPassageVectorStore());
        if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The passage vectors could not be built.");
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

    private static string Label(double weight, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"dense feedback, weight {weight:0.00}, first {count} passages");

    private static HybridSettings Feedback(double weight, int count) => HybridSettings.Default with { FeedbackWeight = weight, FeedbackPassages = count };
}
