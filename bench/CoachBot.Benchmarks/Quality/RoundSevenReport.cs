using System.Globalization;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// Round 7 of #12 (docs/benchmarks.md): real words are not typos. The spelling corrector only knew the guides' words, so
/// any English word the guides never use that is one edit from a guide word was "corrected" into it ("fired" into
/// "hired"). Each row on the development sets only (<c>quality-round7 [--embed-cache FILE]</c>), plus how many questions of
/// each set the corrector changes with and without the model's vocabulary as known words.
/// </summary>
public static class RoundSevenReport
{
    public static int Run(string[] args, TextWriter output)
    {
        var (knowledgeDirectory, knowledge) = QualityReport.LoadKnowledge();
        using var model = new MiniLmTextEmbedder();
        using var embedder = RoundSixReport.MemoEmbedder(model, args);
        var sets = RoundSixReport.LoadDevelopmentSets(knowledgeDirectory);
        using var lucene = new LucenePassageRetriever(knowledge, RetrievalSettings.Default);
        using var warmup = new SemanticWarmup(new SemanticModel(embedder), lucene, knowledge, new InMemoryPassageVectorStore());
        if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The passage vectors could not be built.");
        }

        var dumpAt = Array.IndexOf(args, "--dump-passages");
        if (dumpAt >= 0 && dumpAt + 1 < args.Length)
        {
            // Every passage with its id and heading path, for relevance judgements made without the retriever.
            using var dump = new StreamWriter(args[dumpAt + 1]);
            foreach (var chunk in lucene.Index.Chunks)
            {
                dump.WriteLine($"### {chunk.Passage.Id}\n({chunk.Passage.GuideTitle} > {string.Join(" > ", chunk.Passage.SectionPath)})\n\n{chunk.Passage.Text}\n");
            }

            return 0;
        }

        if (args.Contains("--judged"))
        {
            JudgedRecall(knowledgeDirectory, lucene, new HybridPassageRetriever(lucene, warmup, HybridSettings.Default), output);
            embedder.Save();
            return 0;
        }

        var explainAt = Array.IndexOf(args, "--explain");
        if (explainAt >= 0 && explainAt + 1 < args.Length)
        {
            // One question: how the corrector reads it and what the shipped retriever returns, with its confidence.
            var question = args[explainAt + 1];
            var corrector = SpellingCorrector.For(lucene.Index, knowledge, ModelVocabulary.WholeWords);
            output.WriteLine($"stripped: {ChatRegister.Strip(question)}");
            output.WriteLine($"corrected (2+ letters): {corrector.Correct(ChatRegister.Strip(question)) ?? "(unchanged)"}");
            output.WriteLine($"corrected (4+ letters): {corrector.Correct(ChatRegister.Strip(question), 4) ?? "(unchanged)"}");
            var result = new HybridPassageRetriever(lucene, warmup, HybridSettings.Default).Search(question, 5);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"confidence {result.Confidence:0.000}"));
            foreach (var passage in result.Passages)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {passage.Score:0.0000} cos {passage.Similarity:0.000} {passage.Passage.Id}"));
            }

            return 0;
        }

        var guideOnly = SpellingCorrector.For(lucene.Index, knowledge);
        var withKnown = SpellingCorrector.For(lucene.Index, knowledge, ModelVocabulary.WholeWords);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model vocabulary: {ModelVocabulary.WholeWords.Count} whole words"));
        foreach (var (name, file) in sets)
        {
            var before = file.Cases.Count(c => guideOnly.Correct(ChatRegister.Strip(c.Question)) is not null);
            var after = file.Cases.Count(c => withKnown.Correct(ChatRegister.Strip(c.Question)) is not null);
            var changed = file.Cases.Count(c => guideOnly.Correct(ChatRegister.Strip(c.Question)) != withKnown.Correct(ChatRegister.Strip(c.Question)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: corrector changes {before} questions, {after} with known words ({changed} questions read differently)"));
            if (args.Contains("--show"))
            {
                foreach (var c in file.Cases.Where(c => guideOnly.Correct(ChatRegister.Strip(c.Question)) != withKnown.Correct(ChatRegister.Strip(c.Question))))
                {
                    output.WriteLine($"    {c.Question}\n      guide words only: {guideOnly.Correct(ChatRegister.Strip(c.Question))}\n      known words kept: {withKnown.Correct(ChatRegister.Strip(c.Question)) ?? "(unchanged)"}");
                }
            }
        }

        if (args.Contains("--misses"))
        {
            var hybrid = new HybridPassageRetriever(lucene, warmup, HybridSettings.Default);
            foreach (var (name, file) in sets.Where(set => set.Name != "dev-typos.jsonl"))
            {
                output.WriteLine($"misses of {name}:");
                foreach (var c in file.Cases)
                {
                    var ranked = hybrid.Search(c.Question, LucenePassageRetriever.MaxK).Passages;
                    var evidence = Normalize(c.Evidence);
                    var rank = ranked.ToList().FindIndex(p => Normalize(p.Passage.Text).Contains(evidence, StringComparison.Ordinal)) + 1;
                    if (rank is > 0 and <= 3)
                    {
                        continue;
                    }

                    var chunk = lucene.Index.Chunks.FirstOrDefault(x => Normalize(x.Passage.Text).Contains(evidence, StringComparison.Ordinal));
                    output.WriteLine($"  [{rank}] {c.Question}\n      want: {chunk?.Passage.Id} «{c.Evidence}»\n      got:  {string.Join(" | ", ranked.Take(3).Select(p => p.Passage.Id))}");
                }
            }
        }

        output.WriteLine("setting | " + string.Join(" | ", sets.Select(set => set.Name + " r@3/mrr/lost")) + " | hits");
        foreach (var (label, settings) in Rows())
        {
            output.WriteLine(RoundFiveReport.Row(label, lucene, new HybridPassageRetriever(lucene, warmup, settings), sets));
            output.Flush();
        }

        embedder.Save();
        return 0;
    }

    /// <summary>
    /// Recall@3 against blind relevance judgements (<c>knowledge/eval/judged/*.judged.jsonl</c>: every passage a judge who saw
    /// neither the labels nor the retriever found to answer the question), next to the single-evidence recall@3 of the
    /// same set; and how often the judge's list holds the set's own evidence passage (agreement). Totals only.
    /// </summary>
    private static void JudgedRecall(string knowledgeDirectory, LucenePassageRetriever lucene, HybridPassageRetriever hybrid, TextWriter output)
    {
        output.WriteLine("set | n | recall@3 (evidence) | recall@3 (any judged passage) | judged passages in the top 3 | judge lists the evidence passage | questions with 1 / 2 / 3+ judged passages");
        foreach (var name in new[] { "questions.jsonl", "dev-paraphrases.jsonl", "dev-paraphrases-2.jsonl", "dev-chat.jsonl", "dev-blind.jsonl", "heldout.jsonl", "heldout-2.jsonl" })
        {
            var judgedPath = Path.Combine(knowledgeDirectory, "eval", "judged", Path.GetFileNameWithoutExtension(name) + ".judged.jsonl");
            if (!File.Exists(judgedPath))
            {
                continue;
            }

            var cases = EvaluationFile.Read(Path.Combine(knowledgeDirectory, "eval", name)).Cases;
            var judged = File.ReadLines(judgedPath).Where(line => line.Trim().Length > 0)
                .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
                .Select(element => element.GetProperty("relevant").EnumerateArray().Select(id => id.GetString()!).ToHashSet(StringComparer.Ordinal))
                .ToList();
            if (judged.Count != cases.Count)
            {
                throw new InvalidOperationException($"{judgedPath} has {judged.Count} lines for {cases.Count} questions.");
            }

            int evidenceHits = 0, judgedHits = 0, relevantInTop = 0, agreement = 0;
            for (var i = 0; i < cases.Count; i++)
            {
                var top = hybrid.Search(cases[i].Question, 3).Passages;
                var evidence = Normalize(cases[i].Evidence);
                evidenceHits += top.Any(p => Normalize(p.Passage.Text).Contains(evidence, StringComparison.Ordinal)) ? 1 : 0;
                judgedHits += top.Any(p => judged[i].Contains(p.Passage.Id)) ? 1 : 0;
                relevantInTop += top.Count(p => judged[i].Contains(p.Passage.Id));
                agreement += lucene.Index.Chunks.Any(chunk => judged[i].Contains(chunk.Passage.Id) && Normalize(chunk.Passage.Text).Contains(evidence, StringComparison.Ordinal)) ? 1 : 0;
            }

            var n = cases.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} | {n} | {evidenceHits / (double)n:0.000} ({evidenceHits}) | {judgedHits / (double)n:0.000} ({judgedHits}) | {relevantInTop / (3.0 * n):0.000} | {agreement} of {n} | {judged.Count(set => set.Count == 1)} / {judged.Count(set => set.Count == 2)} / {judged.Count(set => set.Count >= 3)}"));
        }
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static IEnumerable<(string Label, HybridSettings Settings)> Rows()
    {
        yield return ("round 6 settings (known words corrected)", HybridSettings.Default with { KnownWordsAreNotTypos = false });
        yield return ("known words are not typos (shipped)", HybridSettings.Default);
    }
}
