namespace CoachBot.Coaching.Tests.Interview;

public sealed class RubricScorerTests : IDisposable
{
    private static readonly InterviewBank Bank = InterviewBankLoader.LoadDirectory(InterviewRepo.Bank);
    private readonly RubricScorer _scorer = new(SynonymSet.Load(Path.Combine(InterviewRepo.Knowledge, "synonyms.txt")));

    private static InterviewQuestion Indexes => Bank.Find("db-junior-indexes")!;

    [Fact]
    public void Assess_GoodAnswer_CoversMostPointsAndScoresHigh()
    {
        const string answer = "An index is a separate data structure, usually a B-tree, that lets the database find rows without a full " +
                              "table scan. I add one on columns used in WHERE clauses and joins of frequent queries. The trade-off is " +
                              "extra storage and slower writes, because every insert has to update the index too.";

        var result = _scorer.Assess(Indexes, answer);

        Assert.Equal(AnswerVerdict.Scored, result.Verdict);
        Assert.Equal(5, result.Score);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Assess_WeakAnswer_ScoresLowAndListsWhatIsMissing()
    {
        const string answer = "An index makes some database queries faster, it is good to have one on a table.";

        var result = _scorer.Assess(Indexes, answer);

        Assert.Equal(AnswerVerdict.Scored, result.Verdict);
        Assert.InRange(result.Score, 1, 2);
        Assert.True(result.Missing.Count >= 3);
        Assert.Contains(result.Missing, p => p.Point.Contains("slow down writes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Assess_EmptyAnswer_IsNudgedNotScored(string answer)
    {
        var result = _scorer.Assess(Indexes, answer);

        Assert.Equal(AnswerVerdict.Empty, result.Verdict);
        Assert.False(result.IsScored);
        Assert.Equal(0, result.Score);
    }

    [Theory]
    [InlineData("indexes")]
    [InlineData("no idea")]
    [InlineData("I don't know")]
    public void Assess_OneWordOrNonAnswer_IsTooShort(string answer)
    {
        Assert.Equal(AnswerVerdict.TooShort, _scorer.Assess(Indexes, answer).Verdict);
    }

    [Fact]
    public void Assess_OffTopicAnswer_IsNudgedNotScored()
    {
        var result = _scorer.Assess(Indexes, "My favourite pizza has mushrooms, olives and lots of cheese on Fridays.");

        Assert.Equal(AnswerVerdict.OffTopic, result.Verdict);
        Assert.False(result.IsScored);
    }

    [Fact]
    public void Assess_MatchesInflectedForms_ThroughStemming()
    {
        // "scanning whole tables", "B-trees", "writes slower" → table scan is not a phrase here, but "b-tree" and "slower writes" stem-match.
        var result = _scorer.Assess(Indexes, "Databases keep B-trees so queries avoid scanning; the catch is slower writes on inserts.");

        Assert.Contains(result.Covered, p => p.Keywords.Contains("b-tree"));
        Assert.Contains(result.Covered, p => p.Keywords.Contains("slower writes"));
    }

    [Fact]
    public void Assess_UsesTheDomainSynonymList()
    {
        // "k8s" is listed with "orchestration" in knowledge/synonyms.txt.
        var kubernetes = Bank.Find("cloud-mid-kubernetes")!;

        var result = _scorer.Assess(kubernetes, "We ran k8s for our services in production, it was fine for us.");

        Assert.Contains(result.Covered, p => p.Keywords.Contains("orchestration"));
    }

    [Theory]
    [InlineData(5, 5, 5)]
    [InlineData(4, 5, 4)]
    [InlineData(3, 4, 4)]
    [InlineData(2, 4, 3)]
    [InlineData(1, 4, 2)]
    [InlineData(0, 4, 1)]
    [InlineData(1, 6, 1)]
    public void ScoreOf_MapsTheCoveredShareOntoOneToFive(int covered, int total, int expected) =>
        Assert.Equal(expected, RubricScorer.ScoreOf(covered, total));

    public void Dispose() => _scorer.Dispose();
}
