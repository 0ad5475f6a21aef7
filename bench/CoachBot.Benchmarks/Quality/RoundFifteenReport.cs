using System.Globalization;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// EXPERIMENT, round 15 of #12: a learned re-ranker over the shipped hybrid ranking's first passages. Each candidate is
/// described by the scores the hybrid search already computes (Lucene, passage, question and sentence cosines, the fused
/// score, their ranks and gaps to the best, its section's best); LightGBM LambdaRank, FastTree ranking and a logistic
/// regression (ML.NET) learn to order them. Development sets only, cross-validated by evidence (a question's typo
/// variants share its fold); <c>--held-out</c> trains on all development questions and runs the held-out sets once.
/// </summary>
public static partial class RoundFifteenReport
{
    private const int Pool = 20;
    private static int FoldSeed;
    private static bool NoSoft;
    private const int Folds = 5;
    private static readonly string[] HeldOutSets = ["heldout.jsonl", "heldout-2.jsonl", "heldout-3.jsonl"];

    public static int Run(string[] args, TextWriter output)
    {
        var (knowledgeDirectory, knowledge) = QualityReport.LoadKnowledge();
        var seedAt = Array.IndexOf(args, "--fold-seed");
        FoldSeed = seedAt >= 0 ? int.Parse(args[seedAt + 1], CultureInfo.InvariantCulture) : 0;
        NoSoft = args.Contains("--no-soft");
        using var mini = new MiniLmTextEmbedder();
        using var memo = RoundSixReport.MemoEmbedder(mini, args);
        using var lucene = new LucenePassageRetriever(knowledge);
        using var warmup = new SemanticWarmup(new SemanticModel(memo), lucene, knowledge, new InMemoryPassageVectorStore());
        if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The passage vectors could not be built.");
        }

        var hybrid = new HybridPassageRetriever(lucene, warmup);
        var dev = RoundSixReport.LoadDevelopmentSets(knowledgeDirectory);
        var soft = new SoftMatcher(lucene, memo);
        output.WriteLine($"guide words embedded: {soft.VocabularySize}");
        var devQueries = Queries(hybrid, lucene, soft, dev);
        output.WriteLine($"development questions: {devQueries.Count}; evidence in the first {Pool}: {devQueries.Count(q => q.Labels.Any(l => l > 0))}");
        output.WriteLine($"shipped order, top 3 after the section cap: {devQueries.Count(q => Hit(q, q.Candidates.Select((_, i) => (double)-i).ToArray(), lucene))} hits");

        foreach (var share in new[] { 0.05, 0.1, 0.15, 0.2, 0.3 })
        {
            var byShare = devQueries.Where(q => Hit(q, q.Fused.Select((f, i) => f + (share / (60 + q.SoftRank[i]))).ToArray(), lucene)).ToList();
            output.WriteLine($"shipped + soft word matching as an RRF list, share {share} | {string.Join(" | ", dev.Select(set => $"{set.Name} {byShare.Count(q => q.Set == set.Name)}/{set.File.Cases.Count}"))} | hits {byShare.Count}");
        }

        var ml = new MLContext(seed: 15);
        foreach (var (label, trainer) in Trainers(ml))
        {
            var hitsPerSet = new Dictionary<string, int>(StringComparer.Ordinal);
            var total = 0;
            for (var fold = 0; fold < Folds; fold++)
            {
                var train = devQueries.Where(q => q.Fold != fold).ToList();
                var test = devQueries.Where(q => q.Fold == fold).ToList();
                var model = trainer(Data(ml, train));
                foreach (var query in test)
                {
                    var scores = Predict(ml, model, query);
                    if (Hit(query, scores, lucene))
                    {
                        total++;
                        hitsPerSet[query.Set] = hitsPerSet.GetValueOrDefault(query.Set) + 1;
                    }
                }
            }

            output.WriteLine($"{label} | {string.Join(" | ", dev.Select(set => $"{set.Name} {hitsPerSet.GetValueOrDefault(set.Name)}/{set.File.Cases.Count}"))} | hits {total}");
            output.Flush();
        }

        if (args.Contains("--held-out"))
        {
            var held = HeldOutSets.Select(name => (Name: name, File: EvaluationFile.Read(Path.Combine(knowledgeDirectory, "eval", name)))).ToList();
            var heldQueries = Queries(hybrid, lucene, soft, held);
            output.WriteLine($"held out, shipped: {string.Join(" | ", held.Select(set => $"{set.Name} {heldQueries.Count(q => q.Set == set.Name && Hit(q, q.Candidates.Select((_, i) => (double)-i).ToArray(), lucene))}/{set.File.Cases.Count}"))}");
            foreach (var (label, trainer) in Trainers(ml).Where(t => args.Contains("--all") || t.Label.StartsWith("logistic", StringComparison.Ordinal)))
            {
                var model = trainer(Data(ml, devQueries));
                output.WriteLine($"held out, {label}: {string.Join(" | ", held.Select(set => $"{set.Name} {heldQueries.Count(q => q.Set == set.Name && Hit(q, Predict(ml, model, q), lucene))}/{set.File.Cases.Count}"))}");
            }
        }

        memo.Save();
        return 0;
    }

    private static IEnumerable<(string Label, Func<IDataView, ITransformer> Train)> Trainers(MLContext ml)
    {
        foreach (var (leaves, iterations, rate) in new[] { (4, 50, 0.1), (8, 100, 0.05), (16, 200, 0.05) })
        {
            yield return ($"lightgbm lambdarank leaves {leaves}, {iterations} rounds, rate {rate}", data =>
                ml.Transforms.Conversion.MapValueToKey("Group")
                    .Append(ml.Ranking.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmRankingTrainer.Options
                    {
                        LabelColumnName = "Label",
                        FeatureColumnName = "Features",
                        RowGroupColumnName = "Group",
                        NumberOfLeaves = leaves,
                        NumberOfIterations = iterations,
                        LearningRate = rate,
                        MinimumExampleCountPerLeaf = 20,
                        Seed = 15,
                        Verbose = false,
                        Silent = true,
                    }))
                    .Fit(data));
        }

        yield return ("fasttree ranking leaves 8, 100 trees", data =>
            ml.Transforms.Conversion.MapValueToKey("Group")
                .Append(ml.Ranking.Trainers.FastTree(labelColumnName: "Label", featureColumnName: "Features", rowGroupColumnName: "Group", numberOfLeaves: 8, numberOfTrees: 100, minimumExampleCountPerLeaf: 20, learningRate: 0.05))
                .Fit(data));
        yield return ("logistic regression (min-max features)", data =>
            ml.Transforms.NormalizeMinMax("Features")
                .Append(ml.Transforms.CustomMapping<Candidate, Relevance>((input, relevance) => relevance.IsRelevant = input.Label > 0, contractName: null))
                .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "IsRelevant", featureColumnName: "Features"))
                .Fit(data));
    }

    private static IDataView Data(MLContext ml, IEnumerable<Query> queries) =>
        ml.Data.LoadFromEnumerable(queries.SelectMany(q => q.Candidates.Select((features, i) => new Candidate { Group = q.Id, Label = q.Labels[i], Features = features })).ToList());

    private static double[] Predict(MLContext ml, ITransformer model, Query query)
    {
        var data = ml.Data.LoadFromEnumerable(query.Candidates.Select((features, i) => new Candidate { Group = query.Id, Label = query.Labels[i], Features = features }).ToList());
        return ml.Data.CreateEnumerable<Scored>(model.Transform(data), reuseRowObject: false).Select(row => (double)row.Score).ToArray();
    }

    /// <summary>Whether the evidence passage is in the top 3 when the candidates are ordered by <paramref name="scores"/> (ties: shipped order), at most two per section.</summary>
    private static bool Hit(Query query, double[] scores, LucenePassageRetriever lucene)
    {
        var order = Enumerable.Range(0, query.DocIds.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Select(i => query.DocIds[i]);
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var top = new List<int>();
        foreach (var docId in order)
        {
            var section = lucene.Index.ChunkAt(docId).Section.Reference;
            if (taken.GetValueOrDefault(section) >= lucene.Settings.MaxPerSection)
            {
                continue;
            }

            taken[section] = taken.GetValueOrDefault(section) + 1;
            top.Add(docId);
            if (top.Count == 3)
            {
                break;
            }
        }

        return top.Any(docId => query.Positives.Contains(docId));
    }

    private static List<Query> Queries(HybridPassageRetriever hybrid, LucenePassageRetriever lucene, SoftMatcher soft, IReadOnlyList<(string Name, EvaluationFile File)> sets)
    {
        var queries = new List<Query>();
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
#pragma warning disable CA5394 // folds for an experiment, not security
        var random = new Random(FoldSeed);
        foreach (var (name, file) in sets)
        {
            foreach (var evaluationCase in file.Cases)
            {
                var evidence = RetrievalEvaluator.Normalize(evaluationCase.Evidence);
                if (!foldOf.TryGetValue(evidence, out var fold))
                {
                    fold = FoldSeed == 0 ? foldOf.Count % Folds : random.Next(Folds);
                    foldOf[evidence] = fold;
                }

                var explained = hybrid.Explain(evaluationCase.Question);
                if (explained is null)
                {
                    queries.Add(new Query(name, (uint)queries.Count + 1, fold, [], [], [], [], [], []));
                    continue;
                }

                var docIds = explained.Order.Take(Pool).ToArray();
                var softScores = soft.Scores(evaluationCase.Question, [0.5, 0.7]);
                var softRank = Ranks(softScores[0]);
                var positives = Enumerable.Range(0, lucene.Index.Count)
                    .Where(docId => RetrievalEvaluator.Normalize(lucene.Index.ChunkAt(docId).Passage.Text).Contains(evidence, StringComparison.Ordinal))
                    .ToHashSet();
                queries.Add(new Query(
                    name,
                    (uint)queries.Count + 1,
                    fold,
                    docIds,
                    docIds.Select(docId => Features(explained, docIds, docId, lucene, softScores)).ToArray(),
                    docIds.Select(docId => positives.Contains(docId) ? 1f : 0f).ToArray(),
                    positives,
                    docIds.Select(docId => explained.Fused[docId]).ToArray(),
                    docIds.Select(docId => softRank[docId]).ToArray()));
            }
        }

#pragma warning restore CA5394
        return queries;
    }

    private static int[] Ranks(double[] scores)
    {
        var ranks = new int[scores.Length];
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r;
        }

        return ranks;
    }

    private static float[] Features(RankingEvidence e, int[] pool, int docId, LucenePassageRetriever lucene, double[][] soft)
    {
        static double Clean(double value, double fallback) => value == double.MinValue ? fallback : value;
        var rank = Array.IndexOf(pool, docId);
        var maxLexical = e.Lexical.Max();
        var lexicalRank = e.Lexical[docId] > 0 ? e.Lexical.Count(score => score > e.Lexical[docId]) : -1;
        var maxDense = pool.Max(d => e.Dense[d]);
        var maxPassage = pool.Max(d => e.Passages[d]);
        var maxQuestion = pool.Max(d => Clean(e.Questions[d], 0));
        var maxSentence = pool.Max(d => Clean(e.SentenceBest[d], e.Passages[d]));
        var section = e.SectionOf[docId];
        var sectionBest = Enumerable.Range(0, e.Dense.Length).Where(d => e.SectionOf[d] == section).Max(d => e.Dense[d]);
        var sectionInPool = pool.Count(d => e.SectionOf[d] == section);
        var chunk = lucene.Index.ChunkAt(docId);
        var part = chunk.Passage.Id.LastIndexOf('/') is var slash and >= 0 && int.TryParse(chunk.Passage.Id[(slash + 1)..], CultureInfo.InvariantCulture, out var n) ? n : 0;
        double[] values =
        [
            1.0 / (1 + rank),
            e.Fused[docId] / Math.Max(1e-9, e.Fused[pool[0]]),
            maxLexical > 0 ? e.Lexical[docId] / maxLexical : 0,
            lexicalRank >= 0 ? 1.0 / (1 + lexicalRank) : 0,
            e.Passages[docId],
            Clean(e.Questions[docId], 0),
            Clean(e.SentencesTop2[docId], e.Passages[docId]),
            Clean(e.SentenceBest[docId], e.Passages[docId]),
            e.Dense[docId],
            e.Dense[docId] - maxDense,
            e.Passages[docId] - maxPassage,
            Clean(e.Questions[docId], 0) - maxQuestion,
            Clean(e.SentenceBest[docId], e.Passages[docId]) - maxSentence,
            sectionBest,
            sectionInPool,
            Math.Log(1 + chunk.Passage.Text.Length),
            part,
            maxLexical,
            maxDense,
            NoSoft ? 0 : soft[0][docId],
            NoSoft ? 0 : soft[1][docId],
            NoSoft ? 0 : soft[0][docId] - pool.Max(d => soft[0][d]),
            NoSoft ? 0 : soft[1][docId] - pool.Max(d => soft[1][d]),
        ];
        return values.Select(value => (float)value).ToArray();
    }

    /// <summary>Soft word matching: each question word's best cosine with a word of the passage (words embedded alone), weighted by the idf of its nearest guide word.</summary>
    private sealed partial class SoftMatcher
    {
        private readonly string[] _vocabulary;
        private readonly float[][] _vectors;
        private readonly double[] _idf;
        private readonly int[][] _wordsOf;
        private readonly ITextEmbedder _embedder;

        public SoftMatcher(LucenePassageRetriever lucene, ITextEmbedder embedder)
        {
            _embedder = embedder;
            var wordsOf = Enumerable.Range(0, lucene.Index.Count).Select(docId => Words(lucene.Index.ChunkAt(docId).HeadingText + "\n" + lucene.Index.ChunkAt(docId).BodyText).ToHashSet(StringComparer.Ordinal)).ToList();
            _vocabulary = wordsOf.SelectMany(w => w).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var at = _vocabulary.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
            _vectors = _vocabulary.Chunk(64).SelectMany(batch => embedder.Embed(batch)).ToArray();
            _idf = _vocabulary.Select(w => Math.Log((double)wordsOf.Count / wordsOf.Count(set => set.Contains(w)))).ToArray();
            _wordsOf = wordsOf.Select(set => set.Select(w => at[w]).ToArray()).ToArray();
        }

        public int VocabularySize => _vocabulary.Length;

        /// <summary>Per passage, the soft overlap of the question with it at threshold <paramref name="floor"/> (cosines below it count 0).</summary>
        public double[][] Scores(string question, double[] floors)
        {
            var words = Words(question).Distinct(StringComparer.Ordinal).ToArray();
            var result = floors.Select(_ => new double[_wordsOf.Length]).ToArray();
            if (words.Length == 0)
            {
                return result;
            }

            var vectors = _embedder.Embed(words);
            var cos = vectors.Select(q => _vectors.Select(v => (double)VectorMath.Dot(q, v)).ToArray()).ToArray();
            var weights = cos.Select(row => _idf[Array.IndexOf(row, row.Max())]).ToArray();
            var total = weights.Sum();
            for (var docId = 0; docId < _wordsOf.Length; docId++)
            {
                for (var i = 0; i < words.Length; i++)
                {
                    var best = _wordsOf[docId].Length == 0 ? 0 : _wordsOf[docId].Max(v => cos[i][v]);
                    for (var f = 0; f < floors.Length; f++)
                    {
                        result[f][docId] += best >= floors[f] ? weights[i] * best / total : 0;
                    }
                }
            }

            return result;
        }

        private static IEnumerable<string> Words(string text) =>
            WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3 && !KnowledgeAnalyzer.StopWords.Contains(w));

        [System.Text.RegularExpressions.GeneratedRegex("[a-z][a-z0-9+#]*")]
        private static partial System.Text.RegularExpressions.Regex WordPattern();
    }

    private sealed record Query(string Set, uint Id, int Fold, int[] DocIds, float[][] Candidates, float[] Labels, HashSet<int> Positives, double[] Fused, int[] SoftRank);

    public sealed class Candidate
    {
        public uint Group { get; set; }

        public float Label { get; set; }

        [VectorType(23)]
        public float[] Features { get; set; } = [];
    }

    public sealed class Relevance
    {
        public bool IsRelevant { get; set; }
    }

    public sealed class Scored
    {
        public float Score { get; set; }
    }
}
