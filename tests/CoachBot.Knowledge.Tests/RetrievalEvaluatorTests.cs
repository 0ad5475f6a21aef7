namespace CoachBot.Knowledge.Tests;

public sealed class RetrievalEvaluatorTests
{
    [Fact]
    public void Run_HitMissAndMalformedLine_ReportsEachAndEndsWithTheSummary()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("eval.jsonl", string.Join('\n',
            """{"question": "what salary can a backend engineer expect in the US", "evidence": "the average   SALARY for a backend engineer", "guide": "x"}""",
            """{"question": "how tall is mount everest", "evidence": "8,849 metres"}""",
            """{"question": "broken""",
            "",
            """{"question": "no evidence field"}"""));
        var output = new StringWriter();

        var result = new RetrievalEvaluator(TestKnowledge.Retriever).Run(path, 3, output);

        Assert.Equal(2, result.Count);
        Assert.Equal(1, result.Hits);
        Assert.Equal(0.5, result.Recall, 3);
        Assert.Equal([3, 5], result.Errors.Select(error => error.Line));
        var miss = Assert.Single(result.Misses);
        Assert.Equal("how tall is mount everest", miss.Case.Question);
        var lines = output.ToString().TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Contains(lines, line => line.StartsWith("skipped line 3:", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("how tall is mount everest", StringComparison.Ordinal));
        Assert.Matches(@"^recall@3=0\.500 mrr=0\.\d{3} n=2$", lines[^1]);
    }

    [Fact]
    public void Evaluate_MeanReciprocalRank_UsesTheRankOfTheFirstHit()
    {
        var retriever = new FixedRetriever(["nothing here", "the EVIDENCE  text", "evidence text again"]);
        var cases = new[] { new EvaluationCase(1, "q", "evidence text") };

        var result = new RetrievalEvaluator(retriever).Evaluate(cases, 3);

        Assert.Equal(1, result.Recall);
        Assert.Equal(0.5, result.MeanReciprocalRank, 6);
        Assert.Equal("recall@3=1.000 mrr=0.500 n=1", result.Summary);
    }

    [Fact]
    public void Evaluate_EvidenceBelowK_IsAMiss()
    {
        var retriever = new FixedRetriever(["a", "b", "evidence"]);

        var result = new RetrievalEvaluator(retriever).Evaluate([new EvaluationCase(1, "q", "evidence")], 2);

        Assert.Equal(0, result.Recall);
        Assert.Equal(0, result.MeanReciprocalRank);
        Assert.Equal("recall@2=0.000 mrr=0.000 n=0".Replace("n=0", "n=1", StringComparison.Ordinal), result.Summary);
    }

    [Fact]
    public void Run_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => new RetrievalEvaluator(TestKnowledge.Retriever).Run("/no/such/file.jsonl", 3, TextWriter.Null));
    }

    [Fact]
    public void Run_ShippedQuestions_HoldsRecallAtThreeOfNinetyPercent()
    {
        var path = Path.Combine(TestKnowledge.Directory, "eval", "questions.jsonl");

        var result = new RetrievalEvaluator(TestKnowledge.Retriever).Run(path, 3, TextWriter.Null);

        Assert.Empty(result.Errors);
        Assert.True(result.Count >= 50);
        Assert.True(result.Recall >= 0.90, result.Summary);
    }

    private sealed class FixedRetriever(string[] texts) : IPassageRetriever
    {
        public RetrievalResult Search(string query, int k = 3) =>
            new(texts.Take(k).Select((text, i) => new ScoredPassage(new Passage($"g#s/{i + 1}", "g", "G", ["S"], text), texts.Length - i)).ToList(), 1, []);
    }
}
