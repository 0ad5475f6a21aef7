namespace CoachBot.Knowledge.Tests;

public sealed class GuideCatalogTests
{
    private static GuideCatalog Catalog => TestKnowledge.Base.Catalog;

    [Fact]
    public void FindSection_GuideIdAndSlug_ResolvesTheSection()
    {
        var section = Catalog.FindSection("backend-career-path#database-management");

        Assert.NotNull(section);
        Assert.Equal(["Step 1: Laying the Foundation", "Database Management"], section.Path);
        Assert.Equal("Backend Engineer Career Path › Step 1: Laying the Foundation › Database Management", section.ToCitation().Display);
    }

    [Fact]
    public void FindSection_HeadingTextAfterHash_IsSlugged()
    {
        var section = Catalog.FindSection("backend-core-skills#Continuous Integration and Continuous Deployment (CI/CD)");

        Assert.Equal("backend-core-skills#continuous-integration-and-continuous-deployment-ci-cd", section?.Reference);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no-such-guide#anything")]
    [InlineData("backend-career-path#no-such-section")]
    [InlineData("#")]
    public void FindSection_UnknownReference_ReturnsNull(string reference)
    {
        Assert.Null(Catalog.FindSection(reference));
    }

    [Fact]
    public void FindSectionsByHeading_MatchesIgnoringCaseAndPunctuation()
    {
        var sections = Catalog.FindSectionsByHeading("backend engineering salaries");

        var section = Assert.Single(sections);
        Assert.Equal("how-to-become-backend-engineer#backend-engineering-salaries", section.Reference);
    }

    [Fact]
    public void Sections_EveryReferenceIsUniqueAndResolvesToItself()
    {
        Assert.Equal(Catalog.Sections.Count, Catalog.Sections.Select(section => section.Reference).Distinct().Count());
        Assert.All(Catalog.Sections, section => Assert.Same(section, Catalog.FindSection(section.Reference)));
    }

    [Fact]
    public void Constructor_DuplicateGuideIds_ThrowsNamingBothFiles()
    {
        var guide = new Guide("same", "Same", "", [], [], "/a/same.md");

        var exception = Assert.Throws<KnowledgeFormatException>(() => new GuideCatalog([guide, guide with { FilePath = "/b/same.md" }]));

        Assert.Contains("/a/same.md", exception.Message, StringComparison.Ordinal);
        Assert.Contains("/b/same.md", exception.Message, StringComparison.Ordinal);
    }
}
