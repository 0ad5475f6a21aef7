using System.Globalization;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Expansions;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// Round 9 of #12 (docs/benchmarks.md): the blind passage questions (<c>knowledge/expansions/passages/</c>) in Lucene
/// and the sentence model, on the development sets only (<c>quality-round9 [--embed-cache FILE] [--judged]</c>): a row
/// without them (round 8's shipped retriever), then their Lucene weight against the fusion's lexical share, chosen by
/// development hits (then fewer Lucene hits lost, then MRR) before either held-out set is run. <c>--held-out</c> runs
/// the row without them, the first setting measured (weight 1.0, share 0.6) and the one chosen on both held-out sets.
/// <c>--passage-questions DIR</c> adds the passage questions of DIR's expansion files to every row but the first (the
/// second blind batch: <c>bench/CoachBot.Benchmarks/Quality/round9-batch-2</c>).
/// </summary>
public static class RoundNineReport
{
    private static readonly float[] PassageQuestionBoosts = [0.5f, 0.75f, 1.0f, 1.5f];
    private static readonly double[] LexicalWeights = [0.5, 0.6, 0.7];
    private static readonly string[] HeldOutSets = ["heldout.jsonl", "heldout-2.jsonl", "heldout-3.jsonl"];

    public static int Run(string[] args, TextWriter output)
    {
        var (knowledgeDirectory, knowledge) = QualityReport.LoadKnowledge();
        var extraAt = Array.IndexOf(args, "--passage-questions");
        if (extraAt >= 0 && extraAt + 1 < args.Length)
        {
            knowledge = knowledge with { Expansions = Expansions(knowledgeDirectory, knowledge, withPassages: true, extraPassageQuestions: args[extraAt + 1]) };
        }

        using var mini = new MiniLmTextEmbedder();
        using var memo = RoundSixReport.MemoEmbedder(mini, args);
        var heldOut = args.Contains("--held-out");
        var sets = heldOut
            ? HeldOutSets.Select(name => (Name: name, File: EvaluationFile.Read(Path.Combine(knowledgeDirectory, "eval", name)))).ToList()
            : RoundSixReport.LoadDevelopmentSets(knowledgeDirectory);
        var judged = args.Contains("--judged") ? RoundEightReport.Judgements(knowledgeDirectory, sets) : null;
        output.WriteLine("setting | " + string.Join(" | ", sets.Select(set => set.Name + " r@3/mrr/lost")) + " | hits" + (judged is null ? "" : " | judged hits"));

        var rows = new List<(string Label, KnowledgeBase Knowledge, RetrievalSettings Lexical, HybridSettings Hybrid)>
        {
            ("without passage questions (round 8 shipped)", knowledge with { Expansions = Expansions(knowledgeDirectory, knowledge, withPassages: false, extraPassageQuestions: null) }, RetrievalSettings.Default, HybridSettings.Default with { LexicalWeight = 0.6 }),
        };
        foreach (var boost in PassageQuestionBoosts)
        {
            foreach (var weight in LexicalWeights)
            {
                rows.Add((string.Create(CultureInfo.InvariantCulture, $"passage questions, Lucene weight {boost:0.00}, lexical share {weight:0.0}"), knowledge, RetrievalSettings.Default with { PassageQuestionsBoost = boost }, HybridSettings.Default with { LexicalWeight = weight }));
            }
        }

        rows.Add(("passage questions, weight 1.00, share 0.6, dense question weight 1.0", knowledge, RetrievalSettings.Default with { PassageQuestionsBoost = 1.0f }, HybridSettings.Default with { LexicalWeight = 0.6, QuestionWeight = 1.0 }));
        if (heldOut)
        {
            rows = rows.Where((row, i) => i == 0 || row.Label.EndsWith("weight 1.00, lexical share 0.6", StringComparison.Ordinal) || row.Label.EndsWith("weight 0.75, lexical share 0.7", StringComparison.Ordinal)).ToList();
        }

        foreach (var (label, rowKnowledge, lexicalSettings, hybridSettings) in rows)
        {
            using var lucene = new LucenePassageRetriever(rowKnowledge, lexicalSettings);
            using var warmup = new SemanticWarmup(new SemanticModel(memo), lucene, rowKnowledge, new InMemoryPassageVectorStore());
            if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
            {
                throw new InvalidOperationException("The passage vectors could not be built.");
            }

            var hybrid = new HybridPassageRetriever(lucene, warmup, hybridSettings);
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

    /// <summary>
    /// The knowledge folder's section questions, with or without its passage questions (<c>passages/</c>), plus the
    /// passage questions of the expansion files in <paramref name="extraPassageQuestions"/> when given.
    /// </summary>
    private static SectionExpansions Expansions(string knowledgeDirectory, KnowledgeBase knowledge, bool withPassages, string? extraPassageQuestions)
    {
        var folder = Directory.CreateTempSubdirectory("coachbot-round9-");
        try
        {
            var source = Path.Combine(knowledgeDirectory, "expansions");
            var passages = Directory.CreateDirectory(Path.Combine(folder.FullName, SectionExpansions.PassagesFolder)).FullName;
            Copy(source, folder.FullName);
            if (withPassages)
            {
                Copy(Path.Combine(source, SectionExpansions.PassagesFolder), passages);
            }

            if (extraPassageQuestions is not null)
            {
                Copy(extraPassageQuestions, passages);
            }

            return SectionExpansions.Load(folder.FullName, knowledge.Catalog);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.yaml"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
