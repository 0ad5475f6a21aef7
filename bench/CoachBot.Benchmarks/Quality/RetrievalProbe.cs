using System.Globalization;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// What each ranking makes of one question (<c>retrieval-probe "QUESTION" [--k 8] [--embed-cache FILE]</c>): Lucene
/// alone, the dense ranking alone and the shipped fusion, each passage with its score, id and first words, and the
/// confidence of the shipped search. For curators finding out why a question got the passages it got.
/// </summary>
public static class RetrievalProbe
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            output.WriteLine("usage: retrieval-probe \"QUESTION\" [--k 8] [--embed-cache FILE]");
            return 2;
        }

        var kAt = Array.IndexOf(args, "--k");
        var k = kAt >= 0 && kAt + 1 < args.Length ? int.Parse(args[kAt + 1], CultureInfo.InvariantCulture) : 8;
        var (_, knowledge) = QualityReport.LoadKnowledge();
        using var mini = new MiniLmTextEmbedder();
        using var memo = RoundSixReport.MemoEmbedder(mini, args);
        using var lucene = new LucenePassageRetriever(knowledge, RetrievalSettings.Default);
        using var warmup = new SemanticWarmup(new SemanticModel(memo), lucene, knowledge, new InMemoryPassageVectorStore());
        if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The passage vectors could not be built.");
        }

        var question = args[0];
        var rankings = new (string Name, IPassageRetriever Retriever)[]
        {
            ("Lucene alone", lucene),
            ("dense alone", new HybridPassageRetriever(lucene, warmup, HybridSettings.Default with { LexicalWeight = 0 })),
            ("shipped fusion", new HybridPassageRetriever(lucene, warmup)),
        };
        foreach (var (name, retriever) in rankings)
        {
            var result = retriever.Search(question, k);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} (confidence {result.Confidence:0.00}):"));
            var rank = 0;
            foreach (var passage in result.Passages)
            {
                var text = passage.Passage.Text.ReplaceLineEndings(" ");
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {++rank}. {passage.Score:0.0000} cos {passage.Similarity?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-"} {passage.Passage.Id} | {text[..Math.Min(110, text.Length)]}"));
            }
        }

        memo.Save();
        return 0;
    }
}
