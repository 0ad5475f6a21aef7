using CoachBot.Coaching.Quiz.Bank;

namespace CoachBot.Coaching.Tests.Quiz;

/// <summary>The bundled question bank in knowledge/quizzes: shape, coverage and references into the guides.</summary>
public sealed class QuizBankTests
{
    private static readonly string KnowledgeFolder = KnowledgeDirectory.FindUpwards(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("knowledge/ not found above the test output folder");

    private static readonly GuideCatalog Catalog = GuideCatalog.Load(KnowledgeFolder);

    private static readonly IReadOnlyList<QuizSkill> Skills =
        QuizBankLoader.LoadDirectory(Path.Combine(KnowledgeFolder, "quizzes"));

    public static TheoryData<string> QuestionIds => new(Skills.SelectMany(s => s.Questions).Select(q => q.Id));

    [Fact]
    public void Bank_CoversEveryRequiredSkill()
    {
        string[] required =
        [
            "fundamentals", "databases", "nosql", "apis", "security", "version-control", "ci-cd", "testing",
            "system-design", "cloud", "performance", "career", "soft-skills",
        ];

        Assert.Equal(required.Order(StringComparer.Ordinal), Skills.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bank_HasAtLeastEightQuestionsPerSkill_WithEveryDifficultyRepresented()
    {
        Assert.All(Skills, skill =>
        {
            Assert.True(skill.Questions.Count >= 8, $"{skill.Id} has {skill.Questions.Count} questions");
            Assert.Equal(QuizDifficulty.All.Order(StringComparer.Ordinal), skill.Questions.Select(q => q.Difficulty).Distinct().Order(StringComparer.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(QuestionIds))]
    public void Question_HasFourDistinctOptionsOneCorrectAnExplanationAndAReferenceThatResolves(string id)
    {
        var question = Skills.SelectMany(s => s.Questions).Single(q => q.Id == id);

        Assert.Equal(4, question.Options.Count);
        Assert.Equal(4, question.Options.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.InRange(question.CorrectIndex, 0, 3);
        Assert.All(question.Options, o => Assert.InRange(o.Length, 1, QuizBankLoader.MaxOptionLength));
        Assert.True(question.Explanation.Length >= 80, "the explanation should be a real paragraph");
        Assert.Contains(question.Difficulty, QuizDifficulty.All);
        var section = Catalog.FindSection(question.Reference);
        Assert.True(section is not null, $"{id}: reference '{question.Reference}' does not resolve to a guide section");
        Assert.Equal(question.Reference, section.Reference);
    }

    [Fact]
    public void Bank_AnswerPositionsAreNotAllTheSameLetter()
    {
        var positions = Skills.SelectMany(s => s.Questions).GroupBy(q => q.CorrectIndex).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(positions.Count >= 3, "correct answers should not always sit in the same position");
    }

    [Theory]
    [InlineData("databases", "databases")]
    [InlineData("sql", "databases")]
    [InlineData("DB", "databases")]
    [InlineData("rdbms", "databases")]
    [InlineData("git", "version-control")]
    [InlineData("api design", "apis")]
    [InlineData("JWT", "security")]
    [InlineData("docker", "cloud")]
    [InlineData("ci/cd", "ci-cd")]
    public void FindSkill_IdAliasOrTitle_FindsTheSkill(string typed, string expected)
    {
        var bank = new QuizBank(Skills);

        Assert.Equal(expected, bank.FindSkill(typed)?.Id);
    }

    [Fact]
    public void Loader_WithTheGuideCatalog_AcceptsTheBundledBank()
    {
        var skills = QuizBankLoader.LoadDirectory(Path.Combine(KnowledgeFolder, "quizzes"), r => Catalog.FindSection(r) is not null);

        Assert.Equal(Skills.Count, skills.Count);
    }

    [Theory]
    [InlineData("options: [a, b, c]", "exactly 4 options")]
    [InlineData("options: [a, b, c, a]", "must all be different")]
    [InlineData("answer: E", "answer must be the letter")]
    [InlineData("difficulty: brutal", "difficulty must be one of")]
    [InlineData("explanation: ''", "'explanation' is missing")]
    [InlineData("reference: nowhere", "reference must look like")]
    public void Loader_MalformedQuestion_FailsNamingTheFileAndProblem(string replacement, string expected)
    {
        var yaml = ValidSkill(replacement);

        var error = Assert.Throws<KnowledgeFormatException>(() => QuizBankLoader.Parse(yaml, "/bank/demo.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("demo.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loader_ReferenceToAMissingSection_Fails()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() =>
            QuizBankLoader.Parse(ValidSkill("reference: backend-core-skills#no-such-heading"), "/bank/demo.yaml", r => Catalog.FindSection(r) is not null));

        Assert.Contains("does not match any guide section", error.Message, StringComparison.Ordinal);
    }

    private static string ValidSkill(string replacement)
    {
        var question = new Dictionary<string, string>
        {
            ["id"] = "id: q1",
            ["difficulty"] = "difficulty: easy",
            ["question"] = "question: What?",
            ["options"] = "options: [one, two, three, four]",
            ["answer"] = "answer: B",
            ["explanation"] = "explanation: Because.",
            ["reference"] = "reference: backend-core-skills#programming-languages",
        };
        var key = replacement[..replacement.IndexOf(':', StringComparison.Ordinal)];
        question[key] = replacement;
        var first = string.Join("\n    ", question.Values);
        return $"""
            id: demo
            title: Demo
            questions:
              - {first}
              - id: q2
                difficulty: easy
                question: Two?
                options: [a, b, c, d]
                answer: A
                explanation: Because.
                reference: backend-core-skills#programming-languages
              - id: q3
                difficulty: easy
                question: Three?
                options: [a, b, c, d]
                answer: A
                explanation: Because.
                reference: backend-core-skills#programming-languages
            """;
    }
}
