using CoachBot.Knowledge.Synonyms;

namespace CoachBot.Knowledge.Tests;

public sealed class SynonymSetTests
{
    private static readonly string[] Lines =
    [
        "# comment",
        "",
        "salary, pay, earn, make money",
        "ci/cd, cicd => continuous integration, pipeline",
        "c#, csharp => .net",
    ];

    [Fact]
    public void Match_GroupTerm_ExpandsToTheOtherMembers()
    {
        var synonyms = SynonymSet.Parse(Lines, "synonyms.txt");

        var match = Assert.Single(synonyms.Match("How much do they PAY?"));

        Assert.Equal("pay", match.Phrase);
        Assert.Equal(["salary", "earn", "make money"], match.Expansions);
    }

    [Fact]
    public void Match_OneWayRule_ExpandsLeftToRightOnly()
    {
        var synonyms = SynonymSet.Parse(Lines, "synonyms.txt");

        Assert.Equal(["continuous integration", "pipeline"], Assert.Single(synonyms.Match("is ci/cd hard")).Expansions);
        Assert.Empty(synonyms.Match("what is a pipeline"));
    }

    [Fact]
    public void Match_MultiWordPhraseAndSymbols_MatchOnRawText()
    {
        var synonyms = SynonymSet.Parse(Lines, "synonyms.txt");

        Assert.Equal(["make money"], synonyms.Match("can i make   money with this").Select(match => match.Phrase));
        Assert.Equal(["c#"], synonyms.Match("is c# good?").Select(match => match.Phrase));
    }

    [Theory]
    [InlineData("repayment plans")]
    [InlineData("earnest question")]
    [InlineData("cicdx")]
    public void Match_InsideAnotherWord_DoesNotMatch(string question)
    {
        Assert.Empty(SynonymSet.Parse(Lines, "synonyms.txt").Match(question));
    }

    [Fact]
    public void Match_PluralOfAPhrase_Matches()
    {
        Assert.Equal("salary", Assert.Single(SynonymSet.Parse(Lines, "synonyms.txt").Match("salarys")).Phrase);
    }

    [Theory]
    [InlineData("lonely")]
    [InlineData("a, b => ")]
    [InlineData("=> x")]
    public void Parse_MalformedLine_ThrowsNamingFileAndLine(string line)
    {
        var exception = Assert.Throws<KnowledgeFormatException>(() => SynonymSet.Parse(["# header", line], "/k/synonyms.txt"));

        Assert.Contains("/k/synonyms.txt", exception.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_QuestionWithSynonym_SearchesTheExpansionsToo()
    {
        var result = TestKnowledge.Retriever.Search("how much can i earn", 3);

        Assert.Contains("salari", result.ExpandedTerms);
        Assert.Contains(result.Passages, passage => passage.Passage.SectionPath.Contains("Backend Engineering Salaries"));
    }

    [Fact]
    public void RepositorySynonyms_LoadWithoutErrors()
    {
        Assert.True(TestKnowledge.Base.Synonyms.PhraseCount > 100);
    }
}
