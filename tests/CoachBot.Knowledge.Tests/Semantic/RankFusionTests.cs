namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>Fusion on a five-passage fixture: lexical BM25 scores (0 = not found) and dense cosines, by document id.</summary>
public sealed class RankFusionTests
{
    //                                              doc:  0    1    2    3    4
    private static readonly double[] Lexical = [9.0, 6.0, 0.0, 3.0, 0.0];
    private static readonly double[] Dense = [0.20, 0.55, 0.60, 0.50, 0.10];

    [Fact]
    public void Reciprocal_PassageHighInBothLists_BeatsOneFirstInOnlyOne()
    {
        var fused = RankFusion.Reciprocal(Lexical, Dense, lexicalWeight: 0.5, k: 10);

        // doc 1: lexical rank 2, dense rank 2; doc 0: lexical 1, dense 4; doc 2: dense 1, no lexical match.
        Assert.Equal([1, 0, 3, 2, 4], RankFusion.Order(fused, Lexical));
    }

    [Fact]
    public void Reciprocal_PassageMissingFromTheLexicalList_GetsOnlyItsDenseShare()
    {
        var fused = RankFusion.Reciprocal(Lexical, Dense, lexicalWeight: 0.5, k: 10);

        Assert.Equal(0.5 / (10 + 1), fused[2], 12);
        Assert.Equal((0.5 / (10 + 1)) + (0.5 / (10 + 4)), fused[0], 12);
    }

    [Fact]
    public void Reciprocal_NoLexicalWeight_OrdersByDenseAlone()
    {
        var fused = RankFusion.Reciprocal(Lexical, Dense, lexicalWeight: 0, k: 60);

        Assert.Equal([2, 1, 3, 0, 4], RankFusion.Order(fused, Lexical));
    }

    [Fact]
    public void WeightedSum_NormalisesEachSideToZeroToOne()
    {
        var fused = RankFusion.WeightedSum(Lexical, Dense, lexicalWeight: 0.5);

        Assert.Equal(0.5 + (0.5 * (0.20 - 0.10) / 0.50), fused[0], 12);
        Assert.Equal(0.5 * 1.0, fused[2], 12);
        Assert.Equal(0, fused[4], 12);
        Assert.Equal([1, 0, 3, 2, 4], RankFusion.Order(fused, Lexical));
    }

    [Fact]
    public void Order_Ties_GoToTheBetterLexicalScore()
    {
        double[] fused = [0.5, 0.5, 0.5];

        Assert.Equal([1, 0, 2], RankFusion.Order(fused, [1.0, 2.0, 0.0]));
    }
}
