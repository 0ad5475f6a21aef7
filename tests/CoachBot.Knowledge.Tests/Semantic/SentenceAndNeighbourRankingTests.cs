namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>
/// The round-5 rankings of <see cref="SemanticPassageIndex"/> (#12) on hand-made unit vectors in three dimensions, so
/// every cosine is known: the mean of a passage's best sentences and the votes of the query's nearest expansion questions.
/// </summary>
public sealed class SentenceAndNeighbourRankingTests
{
    private static readonly float[] Query = [1, 0, 0];

    private static float[] Unit(float x, float y) => [x, y, MathF.Sqrt(Math.Max(0, 1 - (x * x) - (y * y)))];

    private static SemanticPassageIndex Index() => new(
        "test",
        [Unit(0.1f, 0), Unit(0.2f, 0), Unit(0.3f, 0)],
        [
            (Unit(0.9f, 0), [0]),          // nearest question: passage 0 only
            (Unit(0.8f, 0), [1, 2]),       // a section of two passages
            (Unit(0.7f, 0), [1, 2]),
            (Unit(0.1f, 0), [0]),          // far: outside the three nearest
        ],
        [
            (Unit(0.9f, 0), [0]),          // passage 0: one sentence fits, the other does not
            (Unit(0.1f, 0), [0]),
            (Unit(0.7f, 0), [1]),          // passage 1: both sentences fit fairly well
            (Unit(0.6f, 0), [1]),
        ]);

    [Fact]
    public void SentenceSimilarities_TopOne_IsTheBestSentence()
    {
        var best = Index().SentenceSimilarities(Query, 1);

        Assert.Equal(0.9f, best[0], 4);
        Assert.Equal(0.7f, best[1], 4);
        Assert.Equal(float.MinValue, best[2]);
    }

    [Fact]
    public void SentenceSimilarities_TopTwoMean_RanksAPassageWhoseSentencesKeepFittingAboveOneLuckySentence()
    {
        var mean = Index().SentenceSimilarities(Query, 2);

        Assert.Equal(0.5f, mean[0], 4);
        Assert.Equal(0.65f, mean[1], 4);
        Assert.True(mean[1] > mean[0]);
        Assert.Equal(float.MinValue, mean[2]);
    }

    [Fact]
    public void QuestionVotes_NearestQuestionsVoteForTheirPassagesWithTheirCosines()
    {
        var votes = Index().QuestionVotes(Query, neighbours: 3);

        Assert.Equal(0.9f, votes[0], 4);               // the far question (0.1) is not among the three nearest
        Assert.Equal(0.8f + 0.7f, votes[1], 4);        // two near questions point at passages 1 and 2
        Assert.Equal(votes[1], votes[2], 4);
    }

    [Fact]
    public void QuestionVotes_NoNeighbours_GivesNoVotes()
    {
        Assert.All(Index().QuestionVotes(Query, neighbours: 0), vote => Assert.Equal(0f, vote));
    }

    [Fact]
    public async Task Search_LexicalCorrection_RanksByTheBetterOfTheTypedAndTheCorrectedQuestionsLuceneScores()
    {
        const string question = "wich databse shuold i lern first";
        var warmup = new SemanticWarmup(new SemanticModel(new HashingTextEmbedder()), TestKnowledge.Retriever, TestKnowledge.Base, new InMemoryPassageVectorStore());
        Assert.NotNull(await warmup.EnsureReadyAsync());
        var lexicalOnly = HybridSettings.Default with { LexicalWeight = 1, SentenceBlend = 0, SentenceTopN = 1 };
        var corrected = SpellingCorrector.For(TestKnowledge.Retriever.Index, TestKnowledge.Base, ModelVocabulary.WholeWords).Correct(question, 4);
        Assert.NotNull(corrected);

        var merged = new HybridPassageRetriever(TestKnowledge.Retriever, warmup, lexicalOnly with { LexicalCorrectionMinLength = 4 }).Search(question, 3);

        var typedHits = TestKnowledge.Retriever.SearchLexical(question, 50).Hits;
        var correctedHits = TestKnowledge.Retriever.SearchLexical(corrected, 50).Hits;
        var best = typedHits.Concat(correctedHits).MaxBy(hit => hit.Score)!;
        Assert.Equal(best.Chunk.Passage.Id, merged.Passages[0].Passage.Id);
    }
}
