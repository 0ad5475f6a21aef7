using System.Globalization;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// Round 6 of #12 (docs/benchmarks.md): chat-register stripping, the dense ranking on the corrected question only, a
/// section ranking in the fusion, the reciprocal-rank-fusion constant, and Lucene's BM25 and field weights, each setting on
/// the development sets only (<c>quality-round6 [--embed-cache FILE] [--only TEXT] [--lucene]</c>; <c>--only</c> keeps the settings
/// whose label contains TEXT, <c>--lucene</c> adds a row for Lucene alone per BM25 setting). "lost" counts the questions the Lucene search of that row (its own BM25 settings) has in
/// its top 3 and the fusion does not.
/// </summary>
public static class RoundSixReport
{
    private static readonly string[] DevelopmentSets = ["questions.jsonl", "dev-paraphrases.jsonl", "dev-paraphrases-2.jsonl", "dev-typos.jsonl", "dev-chat.jsonl", "dev-blind.jsonl"];

    /// <summary>The development sets present under <c>eval/</c> of a knowledge folder (never the held-out set), in a fixed order.</summary>
    internal static List<(string Name, EvaluationFile File)> LoadDevelopmentSets(string knowledgeDirectory) =>
        DevelopmentSets
            .Where(name => File.Exists(Path.Combine(knowledgeDirectory, "eval", name)))
            .Select(name => (Name: name, File: EvaluationFile.Read(Path.Combine(knowledgeDirectory, "eval", name))))
            .ToList();

    /// <summary>A memoising embedder over the model, cached across runs in the file after <c>--embed-cache</c> when given.</summary>
    internal static RoundFiveReport.MemoTextEmbedder MemoEmbedder(ITextEmbedder model, string[] args)
    {
        var cacheAt = Array.IndexOf(args, "--embed-cache");
        return new RoundFiveReport.MemoTextEmbedder(model, cacheAt >= 0 && cacheAt + 1 < args.Length ? args[cacheAt + 1] : null);
    }

    public static int Run(string[] args, TextWriter output)
    {
        var (knowledgeDirectory, knowledge) = QualityReport.LoadKnowledge();
        var onlyAt = Array.IndexOf(args, "--only");
        var only = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : null;
        using var model = new MiniLmTextEmbedder();
        using var embedder = MemoEmbedder(model, args);
        var sets = LoadDevelopmentSets(knowledgeDirectory);
        output.WriteLine("setting | " + string.Join(" | ", sets.Select(set => set.Name + " r@3/mrr/lost")) + " | hits");
        foreach (var group in Grid().Where(row => only is null || row.Label.Contains(only, StringComparison.Ordinal)).GroupBy(row => row.Lexical))
        {
            using var lucene = new LucenePassageRetriever(knowledge, group.Key);
            using var warmup = new SemanticWarmup(new SemanticModel(embedder), lucene, knowledge, new InMemoryPassageVectorStore());
            if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
            {
                throw new InvalidOperationException("The passage vectors could not be built.");
            }

            if (args.Contains("--lucene"))
            {
                var lexicalCells = sets.Select(set =>
                {
                    var result = new RetrievalEvaluator(lucene).Evaluate(set.File.Cases, 3);
                    return string.Create(CultureInfo.InvariantCulture, $"{result.Recall:0.000} / {result.MeanReciprocalRank:0.000} / -");
                }).ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lucene alone (k1 {group.Key.K1:0.0}, b {group.Key.B:0.00}, headings {group.Key.HeadingsBoost:0.0}, questions {group.Key.QuestionsBoost:0.00}) | {string.Join(" | ", lexicalCells)} | -"));
            }

            foreach (var (label, _, settings) in group)
            {
                output.WriteLine(RoundFiveReport.Row(label, lucene, new HybridPassageRetriever(lucene, warmup, settings), sets));
                output.Flush();
            }

            embedder.Save();
        }

        return 0;
    }

    /// <summary>
    /// Second pass, on top of the first pass's choice (short typos corrected for the dense ranking, chat register stripped,
    /// BM25 b 0.5, k1 still 1.2): the remaining Lucene weights and fusion shares.
    /// </summary>
    private static IEnumerable<(string Label, RetrievalSettings Lexical, HybridSettings Settings)> OnTopOfTheDefaults()
    {
        var lexical = RetrievalSettings.Default with { K1 = 1.2f };
        var hybrid = HybridSettings.Default;
        string Label(string what, double value) => string.Create(CultureInfo.InvariantCulture, $"pass 2 + {what} {value:0.00}");
        foreach (var value in new[] { 0f, 0.15f, 0.5f })
        {
            yield return (Label("word pair weight", value), lexical with { WordPairWeight = value }, hybrid);
        }

        foreach (var value in new[] { 0.9f, 1.5f })
        {
            yield return (Label("bm25 k1", value), lexical with { K1 = value }, hybrid);
        }

        foreach (var value in new[] { 0.1f, 0.3f })
        {
            yield return (Label("synonym weight", value), lexical with { SynonymWeight = value }, hybrid);
        }

        foreach (var value in new[] { 0.15f, 0.5f })
        {
            yield return (Label("near-spelling weight", value), lexical with { FuzzyWeight = value }, hybrid);
        }

        foreach (var value in new[] { 1, 3 })
        {
            yield return (Label("max passages per section", value), lexical with { MaxPerSection = value }, hybrid);
        }

        foreach (var value in new[] { 0.6, 0.8 })
        {
            yield return (Label("sentence blend", value), lexical, hybrid with { SentenceBlend = value });
        }

        foreach (var value in new[] { 0.75, 0.85 })
        {
            yield return (Label("question weight", value), lexical, hybrid with { QuestionWeight = value });
        }

        foreach (var value in new[] { 0.55, 0.65 })
        {
            yield return (Label("lexical share", value), lexical, hybrid with { LexicalWeight = value });
        }
    }

    private static IEnumerable<(string Label, RetrievalSettings Lexical, HybridSettings Settings)> Grid()
    {
        // Every row is on top of the settings at the start of the round (round 5's), so the figures stay those of the docs.
        var lexical = RetrievalSettings.Default with { B = 0.75f, K1 = 1.2f };
        var shipped = HybridSettings.Default with { DenseCorrectionMinLength = SpellingCorrector.MinRankingLength, StripChatRegister = false };
        yield return ("shipped (round 6 defaults)", RetrievalSettings.Default, HybridSettings.Default);
        yield return ("start of round 6 (round 5 settings)", lexical, shipped);
        foreach (var row in OnTopOfTheDefaults())
        {
            yield return row;
        }

        yield return ("strip chat register", lexical, shipped with { StripChatRegister = true });
        yield return ("dense reads the corrected question only", lexical, shipped with { DenseCorrectedOnly = true });
        yield return ("strip chat register + dense corrected only", lexical, shipped with { StripChatRegister = true, DenseCorrectedOnly = true });
        foreach (var fromFused in new[] { false, true })
        {
            foreach (var share in new[] { 0.25, 0.5, 1.0 })
            {
                foreach (var second in new[] { 0.0, 0.5 })
                {
                    yield return (string.Create(CultureInfo.InvariantCulture, $"section list from {(fromFused ? "fused" : "dense")} share {share:0.00} second {second:0.0}"), lexical, shipped with { SectionShare = share, SectionSecondWeight = second, SectionFromFused = fromFused });
                }
            }
        }

        foreach (var strip in new[] { false, true })
        {
            foreach (var dense in new[] { 2, 3, 4 })
            {
                yield return ($"typo: {(strip ? "strip chat register, " : "")}dense corrects from {dense} letters", lexical, shipped with { StripChatRegister = strip, DenseCorrectionMinLength = dense });
            }
        }

        var short2 = shipped with { DenseCorrectionMinLength = 2 };
        var b05 = lexical with { B = 0.5f };
        yield return ("final: dense2 + bm25 b 0.5 + strip chat register", b05, short2 with { StripChatRegister = true });
        yield return ("final: dense2 + bm25 b 0.4", lexical with { B = 0.4f }, short2);
        yield return ("final: dense2 + bm25 b 0.6", lexical with { B = 0.6f }, short2);

        yield return ("dense2: dense reads the question corrected from 2 letters only", lexical, short2 with { DenseCorrectedOnly = true });
        yield return ("dense2: + strip chat register + corrected only", lexical, short2 with { DenseCorrectedOnly = true, StripChatRegister = true });
        yield return ("dense2: + strip chat register", lexical, short2 with { StripChatRegister = true });
        yield return ("dense2: + Lucene corrects from 2 letters", lexical, short2 with { LexicalCorrectionMinLength = 2 });
        yield return ("dense2: + rrf k 20", lexical, short2 with { ReciprocalK = 20 });
        yield return ("dense2: + rrf k 40", lexical, short2 with { ReciprocalK = 40 });
        yield return ("dense2: + questions boost 0.7", lexical with { QuestionsBoost = 0.7f }, short2);
        yield return ("dense2: + bm25 b 0.5", lexical with { B = 0.5f }, short2);
        yield return ("dense2: + bm25 k1 0.9", lexical with { K1 = 0.9f }, short2);
        yield return ("dense2: + questions boost 0.7 + rrf k 20", lexical with { QuestionsBoost = 0.7f }, short2 with { ReciprocalK = 20 });
        yield return ("dense2: + bm25 b 0.5 + rrf k 20", lexical with { B = 0.5f }, short2 with { ReciprocalK = 20 });
        yield return ("dense2: + bm25 b 0.5 + rrf k 40", lexical with { B = 0.5f }, short2 with { ReciprocalK = 40 });

        foreach (var rrfK in new[] { 10.0, 30.0, 40.0 })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"rrf k {rrfK:0}"), lexical, shipped with { ReciprocalK = rrfK });
        }

        foreach (var weight in new[] { 0.5, 0.7 })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"rrf k 20 lexical share {weight:0.0}"), lexical, shipped with { ReciprocalK = 20, LexicalWeight = weight });
        }

        var combined = lexical with { B = 0.5f, QuestionsBoost = 0.7f };
        yield return ("combo: bm25 b 0.5 + questions boost 0.7", combined, shipped);
        yield return ("combo: bm25 b 0.5 + questions boost 0.7 + rrf k 20", combined, shipped with { ReciprocalK = 20 });
        yield return ("combo: questions boost 0.7 + rrf k 20", lexical with { QuestionsBoost = 0.7f }, shipped with { ReciprocalK = 20 });
        yield return ("combo: bm25 b 0.5 + rrf k 20", lexical with { B = 0.5f }, shipped with { ReciprocalK = 20 });
        foreach (var questions in new[] { 0.5f, 0.85f })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"expansion questions boost {questions:0.00}"), lexical with { QuestionsBoost = questions }, shipped);
        }

        foreach (var rrfK in new[] { 20.0, 120.0 })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"rrf k {rrfK:0}"), lexical, shipped with { ReciprocalK = rrfK });
        }

        foreach (var k1 in new[] { 0.9f, 1.6f })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"bm25 k1 {k1:0.0}"), lexical with { K1 = k1 }, shipped);
        }

        foreach (var b in new[] { 0.5f, 0.9f })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"bm25 b {b:0.00}"), lexical with { B = b }, shipped);
        }

        foreach (var headings in new[] { 0.2f, 0.8f })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"headings boost {headings:0.0}"), lexical with { HeadingsBoost = headings }, shipped);
        }

        foreach (var questions in new[] { 0.7f, 1.4f })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"expansion questions boost {questions:0.0}"), lexical with { QuestionsBoost = questions }, shipped);
        }
    }
}
