using System.Diagnostics;
using System.Globalization;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;
using CoachBot.Storage;
using CoachBot.Storage.PassageVectors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Benchmarks.Retrieval;

/// <summary>
/// <c>dotnet run -c Release --project bench/CoachBot.Benchmarks -- semantic-latency [--rounds 3]</c>: cold start of the
/// passage vectors on a fresh SQLite database (model load + embedding everything, batches of 8) and again with the
/// vectors stored (a new process's view: new embedder, same database); then the latency of one hybrid search (question
/// embedded + fusion) and of one Lucene search, over every question of both evaluation sets, p50/p95.
/// </summary>
public static class SemanticLatencyReport
{
    private static readonly string[] EvaluationSets = ["questions.jsonl", "heldout.jsonl"];

    public static int Run(string[] args, TextWriter output)
    {
        var rounds = 3;
        var at = Array.IndexOf(args, "--rounds");
        if (at >= 0 && at + 1 < args.Length)
        {
            rounds = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        }

        var knowledgeDirectory = KnowledgeDirectory.Resolve(null) ?? throw new InvalidOperationException("No knowledge/guides folder found.");
        var knowledge = KnowledgeBase.Load(knowledgeDirectory);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "coachbot-semantic-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var contexts = new CoachBotDbContextFactory(Options.Create(new StorageOptions { DataDirectory = dataDirectory }));
            new StorageInitializer(contexts, NullLogger<StorageInitializer>.Instance).InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
            var store = new PassageVectorStore(contexts, TimeProvider.System);
            // --round5: the retrieval settings of #12 round 5 (before round 6's BM25 k1/b, short-typo correction and chat stripping).
            var round5 = args.Contains("--round5");
            using var lucene = new LucenePassageRetriever(knowledge, round5 ? RetrievalSettings.Default with { K1 = 1.2f, B = 0.75f } : null);
            _ = lucene.Index;

            // A first start with the knowledge folder's bundled vectors (#12): another empty database, the model not loaded.
            var bundledContexts = new CoachBotDbContextFactory(Options.Create(new StorageOptions { DataDirectory = dataDirectory + "-bundled" }));
            new StorageInitializer(bundledContexts, NullLogger<StorageInitializer>.Instance).InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
            using (var bundledEmbedder = new MiniLmTextEmbedder())
            using (var bundled = new SemanticWarmup(new SemanticModel(bundledEmbedder), lucene, knowledge, new PassageVectorStore(bundledContexts, TimeProvider.System)))
            {
                var bundledTime = Time(() => bundled.EnsureReadyAsync().GetAwaiter().GetResult());
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"first start, empty database, bundled vectors: vectors ready in {bundledTime.TotalSeconds:F2} s ({bundled.Counts.Loaded} read and stored, {bundled.Counts.Embedded} embedded; model loaded: {bundledEmbedder.IsLoaded})"));
            }

            using var coldEmbedder = new MiniLmTextEmbedder();
            // Without the bundled file (knowledge folder unknown): every text is embedded, as before the bundle existed.
            using var cold = new SemanticWarmup(new SemanticModel(coldEmbedder), lucene, knowledge with { Directory = null }, store);
            var coldTime = Time(() => cold.EnsureReadyAsync().GetAwaiter().GetResult());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cold start, empty database: vectors ready in {coldTime.TotalSeconds:F1} s ({cold.Counts.Embedded} texts embedded: {cold.Index!.PassageCount} passages, {cold.Index.QuestionCount} questions, {cold.Index.SentenceCount} sentences; model load included)"));

            using var warmEmbedder = new MiniLmTextEmbedder();
            using var warm = new SemanticWarmup(new SemanticModel(warmEmbedder), lucene, knowledge, store);
            var warmTime = Time(() => warm.EnsureReadyAsync().GetAwaiter().GetResult());
            var settings = round5 ? HybridSettings.Default with { DenseCorrectionMinLength = SpellingCorrector.MinRankingLength, StripChatRegister = false } : HybridSettings.Default;
            var hybrid = new HybridPassageRetriever(lucene, warm, settings);
            var firstQuery = Time(() => hybrid.Search("how much do backend devs get paid", 3));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cold start, vectors stored: vectors ready in {warmTime.TotalSeconds:F2} s ({warm.Counts.Loaded} loaded, {warm.Counts.Embedded} embedded); first search then loads the model: {firstQuery.TotalSeconds:F2} s"));

            var questions = EvaluationSets
                .SelectMany(name => EvaluationFile.Read(Path.Combine(knowledgeDirectory, "eval", name)).Cases)
                .Select(evaluationCase => evaluationCase.Question)
                .ToList();
            foreach (var question in questions)
            {
                hybrid.Search(question, 3);
            }

            Report(output, "hybrid search (embed + Lucene + fusion)", questions, rounds, question => hybrid.Search(question, 3));
            Report(output, "Lucene search alone", questions, rounds, question => lucene.Search(question, 3));
            Report(output, "embedding the question alone", questions, rounds, question => warmEmbedder.Embed([question]));

            // Everything but the model: the same searches with the question vectors cached (filled by a first pass), so the
            // CPU cost of the retrieval's own work (spelling, Lucene, cosines, fusion) shows without the embedding's noise.
            using var memo = new CoachBot.Benchmarks.Quality.RoundFiveReport.MemoTextEmbedder(warmEmbedder, null);
            using var cached = new SemanticWarmup(new SemanticModel(memo), lucene, knowledge, store);
            cached.EnsureReadyAsync().GetAwaiter().GetResult();
            var withoutModel = new HybridPassageRetriever(lucene, cached, settings);
            foreach (var question in questions)
            {
                withoutModel.Search(question, 3);
            }

            Report(output, "hybrid search, question vectors cached (all but the model)", questions, rounds, question => withoutModel.Search(question, 3));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
            if (Directory.Exists(dataDirectory + "-bundled"))
            {
                Directory.Delete(dataDirectory + "-bundled", recursive: true);
            }
        }
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static void Report(TextWriter output, string name, List<string> questions, int rounds, Action<string> search)
    {
        var samples = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                samples.Add(Time(() => search(question)).TotalMilliseconds);
            }
        }

        samples.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: n={samples.Count} p50={Percentile(samples, 0.50):F2} ms p95={Percentile(samples, 0.95):F2} ms max={samples[^1]:F2} ms"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
