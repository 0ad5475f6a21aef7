namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>The shipped hybrid retriever over the real guides and model. Questions are this test's own wording unless named.</summary>
public sealed class HybridRetrievalTests
{
    [Theory]
    [InlineData("hw do i lern databse stuff fr")]
    [InlineData("wich databse shuold i lern first")]
    public void Search_TypoQuestionAboutDatabases_ReachesADatabasePassageAboveTheThreshold(string question)
    {
        var result = SemanticTestKnowledge.Retriever.Search(question, 3);

        Assert.Contains(result.Passages, passage => MentionsDatabases(passage.Passage));
        Assert.True(result.Confidence >= KnowledgeOptions.DefaultMinConfidence, $"confidence {result.Confidence:F2}");
    }

    [Fact]
    public void Search_TypoInATopicWord_ReachesTheRightGuideSection()
    {
        var result = SemanticTestKnowledge.Retriever.Search("kubernates or dokcer first for deploymnet", 3);

        Assert.Contains(result.Passages, passage => passage.Passage.Id.StartsWith("backend-core-skills#server-management-and-deployment/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ConfidenceTests.OnTopic), MemberType = typeof(ConfidenceTests))]
    [InlineData("how much does a junior backend developer make")]
    public void Search_OnTopicQuestion_StaysAtOrAboveTheDefaultThreshold(string question)
    {
        var confidence = SemanticTestKnowledge.Retriever.Search(question, 3).Confidence;

        Assert.True(confidence >= KnowledgeOptions.DefaultMinConfidence, $"confidence {confidence:F2} for '{question}'");
    }

    /// <summary>Typos in the topic words themselves: the corrected question's lexical confidence counts when the model sees the topic.</summary>
    [Theory]
    [InlineData("how do i get beter at system desgin")]
    [InlineData("whats a good wya to lern sql quereis")]
    public void Search_TyposInTheTopicWords_StaysAtOrAboveTheDefaultThreshold(string question)
    {
        var confidence = SemanticTestKnowledge.Retriever.Search(question, 3).Confidence;

        Assert.True(confidence >= KnowledgeOptions.DefaultMinConfidence, $"confidence {confidence:F2} for '{question}'");
    }

    [Theory]
    [MemberData(nameof(ConfidenceTests.OffTopic), MemberType = typeof(ConfidenceTests))]
    [InlineData("how do I bake bread")]
    [InlineData("how do I bake a cake for my team")]
    public void Search_OffTopicQuestion_StaysBelowTheDefaultThreshold(string question)
    {
        var confidence = SemanticTestKnowledge.Retriever.Search(question, 3).Confidence;

        Assert.True(confidence < KnowledgeOptions.DefaultMinConfidence, $"confidence {confidence:F2} for '{question}'");
    }

    [Fact]
    public void Search_WhenWarm_CarriesTheQueryVectorAndEachPassagesCosine()
    {
        var result = SemanticTestKnowledge.Retriever.Search("what does a backend engineer do all day", 3);

        Assert.NotNull(result.QueryVector);
        Assert.Equal(SemanticTestKnowledge.Embedder.Dimensions, result.QueryVector.Length);
        Assert.Equal(3, result.Passages.Count);
        Assert.All(result.Passages, passage => Assert.InRange(passage.Similarity ?? float.NaN, -1f, 1f));
        Assert.Equal(result.Passages.OrderByDescending(passage => passage.Score).Select(passage => passage.Score), result.Passages.Select(passage => passage.Score));
    }

    /// <summary>
    /// #12 asks that the fusion lose no question Lucene alone has in its top 3. Since round 9 (passage questions) that
    /// holds on questions.jsonl and heldout-2.jsonl (3 lost there before), and one heldout.jsonl question is lost (none
    /// before; docs/benchmarks.md). The losses are pinned by line, so a new one fails here, and so does that one's recovery.
    /// </summary>
    [Theory]
    [InlineData("questions.jsonl", "")]
    [InlineData("heldout.jsonl", "line 22")]
    [InlineData("heldout-2.jsonl", "")]
    public void Search_EvaluationSet_LosesNoLuceneTopThreeHitBeyondThoseOnRecord(string set, string onRecord)
    {
        var cases = EvaluationFile.Read(Path.Combine(TestKnowledge.Directory, "eval", set)).Cases;
        var lexicalMisses = new RetrievalEvaluator(TestKnowledge.Retriever).Evaluate(cases, 3).Misses.Select(miss => miss.Case.Line).ToHashSet();

        var hybridMisses = new RetrievalEvaluator(SemanticTestKnowledge.Retriever).Evaluate(cases, 3).Misses;

        var lost = hybridMisses.Where(miss => !lexicalMisses.Contains(miss.Case.Line)).Select(miss => $"line {miss.Case.Line}").ToList();
        Assert.Equal(onRecord, string.Join(", ", lost));
    }

    [Fact]
    public void Search_QuestionsJsonl_ReachesTheTargetRecall()
    {
        var cases = EvaluationFile.Read(Path.Combine(TestKnowledge.Directory, "eval", "questions.jsonl")).Cases;

        var result = new RetrievalEvaluator(SemanticTestKnowledge.Retriever).Evaluate(cases, 3);

        Assert.True(result.Recall >= 0.95, result.Summary);
    }

    [Fact]
    public void Search_BeforeTheVectorsAreReady_IsTheLuceneSearch()
    {
        var warmup = new SemanticWarmup(new SemanticModel(new HashingTextEmbedder()), TestKnowledge.Retriever, TestKnowledge.Base, new InMemoryPassageVectorStore());
        var hybrid = new HybridPassageRetriever(TestKnowledge.Retriever, warmup);

        var result = hybrid.Search("how much do backend devs get paid", 3);

        var lucene = TestKnowledge.Retriever.Search("how much do backend devs get paid", 3);
        Assert.Equal(SemanticState.Pending, warmup.State);
        Assert.Equal("pending", warmup.Describe());
        Assert.Null(result.QueryVector);
        Assert.Equal(lucene.Passages.Select(passage => passage.Passage.Id), result.Passages.Select(passage => passage.Passage.Id));
        Assert.All(result.Passages, passage => Assert.Null(passage.Similarity));
    }

    private static bool MentionsDatabases(Passage passage) =>
        passage.SectionPath.Any(heading => heading.Contains("database", StringComparison.OrdinalIgnoreCase))
        || passage.Text.Contains("database", StringComparison.OrdinalIgnoreCase);
}
