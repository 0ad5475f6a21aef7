using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Coaching.Tests.Interview;

public sealed class InterviewBankTests
{
    private static readonly InterviewBank Bank = InterviewBankLoader.LoadDirectory(InterviewRepo.Bank);

    [Fact]
    public void Bank_HasAtLeastSixtyQuestionsWithUniqueIds()
    {
        Assert.True(Bank.Questions.Count >= 60, $"Only {Bank.Questions.Count} questions.");
        Assert.Equal(Bank.Questions.Count, Bank.Questions.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Bank_CoversEveryLevelInEveryTrack()
    {
        var missing = (from level in InterviewLevels.All
                       from track in InterviewTracks.All
                       where !Bank.Questions.Any(q => q.Level == level && q.Track == track)
                       select $"{InterviewLevels.Name(level)}/{track}").ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Bank_EveryReferenceResolvesToARealGuideSection()
    {
        var catalog = GuideCatalog.Load(InterviewRepo.Knowledge);

        var unresolved = Bank.UnresolvedReferences(catalog);

        Assert.Empty(unresolved);
    }

    [Fact]
    public void Bank_EveryQuestionHasThreeToSixRubricPointsWithMatchableKeywords()
    {
        using var analyzer = new KnowledgeAnalyzer();
        var problems = new List<string>();
        foreach (var question in Bank.Questions)
        {
            if (question.Rubric.Count is < 3 or > 6)
            {
                problems.Add($"{question.Id}: {question.Rubric.Count} rubric points");
            }

            foreach (var point in question.Rubric)
            {
                if (point.Keywords.Count == 0)
                {
                    problems.Add($"{question.Id}: '{point.Point}' has no keywords");
                }

                // A keyword made only of stop words can never match anything.
                problems.AddRange(point.Keywords.Where(k => analyzer.Tokens(k).Count == 0).Select(k => $"{question.Id}: keyword '{k}' is only stop words"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Bank_BehavioralQuestionsCarryStarGuidanceAndOthersDoNot()
    {
        Assert.All(Bank.Questions.Where(q => q.Track == InterviewTracks.Behavioral), q => Assert.NotNull(q.Star));
        Assert.All(Bank.Questions.Where(q => q.Track != InterviewTracks.Behavioral), q => Assert.Null(q.Star));
    }

    [Fact]
    public void Bank_AnAnswerNamingEveryPointsKeywordScoresFive()
    {
        var synonyms = SynonymSet.Load(Path.Combine(InterviewRepo.Knowledge, "synonyms.txt"));
        using var scorer = new RubricScorer(synonyms);

        var below = Bank.Questions
            .Select(q => (q.Id, Assessment: scorer.Assess(q, InterviewHost.StrongAnswer(q))))
            .Where(x => x.Assessment.Score != 5)
            .Select(x => $"{x.Id}: {x.Assessment.Verdict} {x.Assessment.Score}, missing {string.Join("; ", x.Assessment.Missing.Select(p => p.Point))}")
            .ToList();

        Assert.True(below.Count == 0, string.Join("\n", below));
    }

    [Fact]
    public void Select_ReturnsDistinctQuestionsOfTheTrack_FillingUpFromTheNearestLevels()
    {
        var chosen = Bank.Select(InterviewLevel.Lead, InterviewTracks.Databases, 4, new Random(7));

        Assert.Equal(4, chosen.Count);
        Assert.All(chosen, q => Assert.Equal(InterviewTracks.Databases, q.Track));
        Assert.Equal(4, chosen.Select(q => q.Id).Distinct().Count());
        Assert.Equal(InterviewLevel.Lead, chosen[0].Level);
        Assert.Equal(InterviewLevel.Senior, chosen[1].Level);
        Assert.Equal(chosen.Select(q => q.Level).OrderDescending(), chosen.Select(q => q.Level));
    }

    [Fact]
    public void Select_Mixed_SpreadsTheQuestionsOverDifferentTracks()
    {
        var chosen = Bank.Select(InterviewLevel.Mid, InterviewTracks.Mixed, 5, new Random(3));

        Assert.Equal(5, chosen.Count);
        Assert.Equal(5, chosen.Select(q => q.Track).Distinct().Count());
        Assert.All(chosen, q => Assert.Equal(InterviewLevel.Mid, q.Level));
    }

    [Theory]
    [InlineData("junior", InterviewLevel.Junior)]
    [InlineData("Mid", InterviewLevel.Mid)]
    [InlineData("architect", InterviewLevel.Lead)]
    public void Levels_ParseWhatPeopleType(string text, InterviewLevel expected)
    {
        Assert.True(InterviewLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("db", InterviewTracks.Databases)]
    [InlineData("api", InterviewTracks.Apis)]
    [InlineData("ci/cd", InterviewTracks.TestingCicd)]
    [InlineData("devops", InterviewTracks.CloudDevops)]
    [InlineData("behavioural", InterviewTracks.Behavioral)]
    [InlineData("nonsense", null)]
    public void Tracks_NormalizeAliases(string text, string? expected) =>
        Assert.Equal(expected, InterviewTracks.Normalize(text));
}
