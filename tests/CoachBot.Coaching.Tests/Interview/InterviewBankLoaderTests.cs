namespace CoachBot.Coaching.Tests.Interview;

public sealed class InterviewBankLoaderTests
{
    private const string Valid = """
        track: databases
        questions:
          - id: db-test-one
            level: junior
            track: databases
            question: What is an index?
            rubric:
              - point: Speeds up lookups
                keywords: [faster lookup]
              - point: Uses a B-tree
                keywords: [b-tree]
              - point: Costs writes
                keywords: [slower writes]
            follow_up: Why not index everything?
            reference: backend-core-skills#databases-and-query-languages
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var question = Assert.Single(InterviewBankLoader.Parse(Valid, "test.yaml"));

        Assert.Equal("db-test-one", question.Id);
        Assert.Equal(InterviewLevel.Junior, question.Level);
        Assert.Equal(InterviewTracks.Databases, question.Track);
        Assert.Equal(3, question.Rubric.Count);
        Assert.Equal(["b-tree"], question.Rubric[1].Keywords);
        Assert.Equal("Why not index everything?", question.FollowUp);
        Assert.Equal("backend-core-skills#databases-and-query-languages", question.Reference);
    }

    [Theory]
    [InlineData("level: junior", "level: wizard", "'level'")]
    [InlineData("reference: backend-core-skills#databases-and-query-languages", "reference: just some words", "'reference'")]
    [InlineData("id: db-test-one", "id: Not An Id", "'id'")]
    [InlineData("    track: databases\n", "    track: cooking\n", "'track'")]
    public void Parse_BadField_ThrowsNamingTheFileAndField(string from, string to, string named)
    {
        var yaml = Valid.Replace(from, to, StringComparison.Ordinal);

        var error = Assert.Throws<InterviewBankException>(() => InterviewBankLoader.Parse(yaml, "broken.yaml"));

        Assert.Contains("broken.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooFewRubricPoints_Throws()
    {
        var yaml = Valid.Replace("      - point: Costs writes\n        keywords: [slower writes]\n", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<InterviewBankException>(() => InterviewBankLoader.Parse(yaml, "short.yaml"));

        Assert.Contains("3 to 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BehavioralQuestionWithoutStar_Throws()
    {
        var yaml = Valid.Replace("databases", "behavioral", StringComparison.Ordinal);

        var error = Assert.Throws<InterviewBankException>(() => InterviewBankLoader.Parse(yaml, "beh.yaml"));

        Assert.Contains("star", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DuplicateIds_Throws()
    {
        var questions = InterviewBankLoader.Parse(Valid, "a.yaml").Concat(InterviewBankLoader.Parse(Valid, "b.yaml")).ToList();

        var error = Assert.Throws<InterviewBankException>(() => InterviewBankLoader.Create(questions));

        Assert.Contains("db-test-one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotYaml_ThrowsABankError()
    {
        Assert.Throws<InterviewBankException>(() => InterviewBankLoader.Parse("questions: [ {", "bad.yaml"));
    }
}
