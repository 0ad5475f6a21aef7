using CoachBot.Knowledge.Expansions;

namespace CoachBot.Knowledge.Tests;

public sealed class SectionExpansionsTests
{
    [Fact]
    public void Parse_KnownHeading_AttachesQuestionsToTheSection()
    {
        const string yaml = "guide: backend-core-skills\nsections:\n  - heading: \"Web frameworks\"\n    questions:\n      - which framework for c#\n";

        var expansions = SectionExpansions.Parse(yaml, "/k/expansions/backend-core-skills.yaml", TestKnowledge.Base.Catalog);

        var section = TestKnowledge.Base.Catalog.FindSection("backend-core-skills#web-frameworks")!;
        Assert.Equal(["which framework for c#"], expansions.QuestionsFor(section));
    }

    [Fact]
    public void Parse_EntryWithPart_AttachesQuestionsToThatPassageOnly()
    {
        const string yaml = "guide: backend-developer-career-guide\nsections:\n  - heading: \"Top Skills\"\n    part: 2\n    questions:\n      - which skills get you hired\n";

        var expansions = SectionExpansions.Parse(yaml, "/k/expansions/passages/backend-developer-career-guide.yaml", TestKnowledge.Base.Catalog);

        var section = TestKnowledge.Base.Catalog.FindSection("backend-developer-career-guide#top-skills")!;
        Assert.Empty(expansions.QuestionsFor(section));
        Assert.Equal(["which skills get you hired"], expansions.QuestionsForPassage("backend-developer-career-guide#top-skills/2"));
        Assert.Empty(expansions.QuestionsForPassage("backend-developer-career-guide#top-skills/1"));
        Assert.Equal(1, expansions.PassageQuestionCount);
    }

    [Theory]
    [InlineData("guide: backend-core-skills\nsections:\n  - heading: \"Web frameworks\"\n    part: 9\n    questions: [x]\n", "part 9")]
    [InlineData("guide: backend-core-skills\nsections:\n  - heading: \"Web frameworks\"\n    part: 0\n    questions: [x]\n", "parts count from 1")]
    [InlineData("guide: backend-core-skills\nsections:\n  - heading: \"No Such Heading\"\n    questions: [x]\n", "No Such Heading")]
    [InlineData("guide: no-such-guide\nsections: []\n", "no-such-guide")]
    [InlineData("sections: []\n", "missing 'guide'")]
    [InlineData("guide: [unclosed\n", "invalid YAML")]
    public void Parse_Malformed_ThrowsNamingTheFile(string yaml, string expected)
    {
        var exception = Assert.Throws<KnowledgeFormatException>(() => SectionExpansions.Parse(yaml, "/k/expansions/bad.yaml", TestKnowledge.Base.Catalog));

        Assert.Contains("/k/expansions/bad.yaml", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
