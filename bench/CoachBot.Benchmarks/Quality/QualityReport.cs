using System.Globalization;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// Retrieval quality, not speed: recall@k and MRR of the shipped retriever, its ablations and the plain-BM25 baseline on
/// the evaluation sets. <c>dotnet run -c Release --project bench/CoachBot.Benchmarks -- quality [--k 3] [--misses]</c>
/// (<c>--misses</c> prints the misses of questions.jsonl only: the held-out set is for measuring, never for reading).
/// Then the semantic table (<see cref="SemanticQualityReport"/>: lexical, semantic, fused columns; <c>--tune</c> adds
/// the fusion grid on the development sets questions.jsonl, dev-paraphrases.jsonl and dev-paraphrases-2.jsonl; <c>--dev-only</c> leaves the
/// held-out set out of every table).
/// </summary>
public static class QualityReport
{
    private static readonly string[] EvaluationSets = ["questions.jsonl", "dev-paraphrases.jsonl", "dev-paraphrases-2.jsonl", "heldout.jsonl"];

    /// <summary>The repository's knowledge folder (found above the current directory) and its knowledge base.</summary>
    public static (string Directory, KnowledgeBase Knowledge) LoadKnowledge()
    {
        var directory = KnowledgeDirectory.Resolve(null) ?? throw new InvalidOperationException("No knowledge/guides folder found above the current directory.");
        return (directory, KnowledgeBase.Load(directory));
    }

    public static int Run(string[] args, TextWriter output)
    {
        var k = 3;
        var kAt = Array.IndexOf(args, "--k");
        if (kAt >= 0 && kAt + 1 < args.Length)
        {
            k = int.Parse(args[kAt + 1], CultureInfo.InvariantCulture);
        }

        var (knowledgeDirectory, knowledge) = LoadKnowledge();
        // --dev-only leaves the held-out set out (while choosing anything, its figures must not be seen).
        var sets = EvaluationSets
            .Where(name => !(args.Contains("--dev-only") && name == "heldout.jsonl"))
            .Select(name => (Name: name, File: EvaluationFile.Read(Path.Combine(knowledgeDirectory, "eval", name))))
            .ToList();

        var candidates = new List<(string Name, Func<IPassageRetriever> Create)>
        {
            ("CoachBot retriever (shipped)", () => new LucenePassageRetriever(knowledge)),
            ("  with pseudo-relevance feedback", () => new LucenePassageRetriever(knowledge, RetrievalSettings.Default with { FeedbackTerms = 5 })),
            ("  without word pairs", () => new LucenePassageRetriever(knowledge, RetrievalSettings.Default with { WordPairWeight = 0 })),
            ("  without synonyms", () => new LucenePassageRetriever(knowledge, RetrievalSettings.Default with { UseSynonyms = false })),
            ("  without expansions", () => new LucenePassageRetriever(knowledge, RetrievalSettings.Default with { UseExpansions = false })),
            ("  without headings", () => new LucenePassageRetriever(knowledge, RetrievalSettings.Default with { UseHeadings = false })),
            ("Plain paragraph BM25 (baseline)", () => new PlainParagraphBm25Retriever(knowledge.Catalog)),
        };

        output.WriteLine($"{"retriever",-34} {string.Join(" ", sets.Select(set => $"{set.Name,-36}"))}");
        foreach (var (name, create) in candidates)
        {
            var retriever = create();
            var evaluator = new RetrievalEvaluator(retriever);
            var cells = sets.Select(set => evaluator.Evaluate(set.File.Cases, k).Summary);
            output.WriteLine($"{name,-34} {string.Join(" ", cells.Select(cell => $"{cell,-36}"))}");
            (retriever as IDisposable)?.Dispose();
        }

        SemanticQualityReport.Run(knowledge, sets, k, args.Contains("--tune"), output);

        if (args.Contains("--misses"))
        {
            using var retriever = new LucenePassageRetriever(knowledge);
            output.WriteLine();
            output.WriteLine("Misses on questions.jsonl:");
            RetrievalEvaluator.WriteReport(new RetrievalEvaluator(retriever).Evaluate(sets[0].File.Cases, k), output);
        }

        return 0;
    }
}
