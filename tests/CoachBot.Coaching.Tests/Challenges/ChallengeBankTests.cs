namespace CoachBot.Coaching.Tests.Challenges;

public sealed class ChallengeBankTests
{
    private static readonly string BankFolder = Path.Combine(ChallengeTestBot.KnowledgeFolder, "challenges");

    [Fact]
    public void Bank_HasAtLeastTwelveChallengesWithUniqueIdsAndEveryField()
    {
        var bank = ChallengeBankLoader.LoadDirectory(BankFolder);

        Assert.True(bank.Count >= 12, $"the bank has {bank.Count} challenges; at least 12 are needed");
        Assert.Equal(bank.Count, bank.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(bank, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Title));
            Assert.True(c.Brief.Length >= 100, $"{c.Id}: the brief should say what to do");
            Assert.Contains(c.Difficulty, ChallengeBankLoader.Difficulties);
            Assert.NotEmpty(c.Skills);
            Assert.NotEmpty(c.References);
        });
    }

    [Fact]
    public void Bank_EveryReferenceResolvesToAGuideSectionWithExactlyThatSlug()
    {
        var bank = ChallengeBankLoader.LoadDirectory(BankFolder);
        var guides = GuideCatalog.Load(ChallengeTestBot.KnowledgeFolder);

        var unresolved = bank
            .SelectMany(c => c.References.Select(r => (c.Id, Reference: r)))
            .Where(x => guides.FindSection(x.Reference)?.Reference != x.Reference)
            .Select(x => $"{x.Id}: {x.Reference}")
            .ToList();

        Assert.Empty(unresolved);
    }

    [Fact]
    public void Bank_CoversEveryDifficultyAndSeveralGuides()
    {
        var bank = ChallengeBankLoader.LoadDirectory(BankFolder);

        Assert.Equal(ChallengeBankLoader.Difficulties.Order(), bank.Select(c => c.Difficulty).Distinct().Order());
        Assert.True(bank.SelectMany(c => c.References).Select(r => r.Split('#')[0]).Distinct().Count() >= 4);
    }

    [Theory]
    [InlineData("challenges: []", "at least one challenge")]
    [InlineData("challenges:\n  - id: a\n    title: T\n    difficulty: beginner\n    skills: [x]\n    references: [g#s]\n", "'brief' is required")]
    [InlineData("challenges:\n  - id: a\n    title: T\n    brief: B\n    difficulty: expert\n    skills: [x]\n    references: [g#s]\n", "difficulty must be one of")]
    [InlineData("challenges:\n  - id: a\n    title: T\n    brief: B\n    difficulty: beginner\n    skills: [x]\n    references: [Some Heading]\n", "guide-id#section-slug")]
    [InlineData("challenges:\n  - id: Not An Id\n    title: T\n    brief: B\n    difficulty: beginner\n    skills: [x]\n    references: [g#s]\n", "id must be")]
    [InlineData("challenges: [unclosed", "not valid challenge YAML")]
    public void Parse_MalformedBank_FailsNamingTheFileAndProblem(string yaml, string expected)
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => ChallengeBankLoader.Parse(yaml, "bank.yaml"));

        Assert.Contains("bank.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_DuplicateIdsAcrossFiles_AreRefused()
    {
        var folder = Directory.CreateTempSubdirectory("coachbot-bank-").FullName;
        try
        {
            const string One = "challenges:\n  - id: same\n    title: T\n    brief: B\n    difficulty: beginner\n    skills: [x]\n    references: [g#s]\n";
            File.WriteAllText(Path.Combine(folder, "a.yaml"), One);
            File.WriteAllText(Path.Combine(folder, "b.yaml"), One);

            var error = Assert.Throws<KnowledgeFormatException>(() => ChallengeBankLoader.LoadDirectory(folder));

            Assert.Contains("'same'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NextUnused_PrefersUnusedInBankOrder_ThenTheOneUsedLongestAgo()
    {
        var bank = ChallengeBank.From(
        [
            new BankChallenge("a", "A", "brief", "beginner", ["x"], ["g#s"]),
            new BankChallenge("b", "B", "brief", "beginner", ["x"], ["g#s"]),
        ]);
        var t0 = DateTimeOffset.UnixEpoch;

        Assert.Equal("a", bank.NextUnused(new Dictionary<string, DateTimeOffset>())!.Id);
        Assert.Equal("b", bank.NextUnused(new Dictionary<string, DateTimeOffset> { ["a"] = t0 })!.Id);
        Assert.Equal("b", bank.NextUnused(new Dictionary<string, DateTimeOffset> { ["a"] = t0.AddDays(7), ["b"] = t0 })!.Id);
    }
}
