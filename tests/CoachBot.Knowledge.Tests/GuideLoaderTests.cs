namespace CoachBot.Knowledge.Tests;

public sealed class GuideLoaderTests
{
    private const string SmallGuide = """
        ---
        id: small-guide
        title: A Small Guide
        source: 999_small.txt
        topics: [testing, loading]
        ---

        # A Small Guide

        Intro paragraph with a “curly quote” and an em dash—kept as written.

        ## First Part

        First part text.

        ### Details

        - Item one.
        - Item two.

        ## Second Part

        Closing words.
        """;

    [Fact]
    public void Parse_FrontMatter_ReadsIdTitleSourceAndTopics()
    {
        var guide = GuideLoader.Parse(SmallGuide, "/tmp/small-guide.md");

        Assert.Equal("small-guide", guide.Id);
        Assert.Equal("A Small Guide", guide.Title);
        Assert.Equal("999_small.txt", guide.Source);
        Assert.Equal(["testing", "loading"], guide.Topics);
    }

    [Fact]
    public void Parse_Headings_BecomeSectionsWithPathsBelowTheTitle()
    {
        var guide = GuideLoader.Parse(SmallGuide, "/tmp/small-guide.md");

        var paths = guide.Sections.Select(section => string.Join(" > ", section.Path)).ToList();
        Assert.Equal(["", "First Part", "First Part > Details", "Second Part"], paths);
        Assert.Equal("small-guide#details", guide.Sections[2].Reference);
        Assert.Equal(3, guide.Sections[2].Level);
    }

    [Fact]
    public void Parse_ParagraphsAndListItems_KeepTheTextVerbatim()
    {
        var guide = GuideLoader.Parse(SmallGuide, "/tmp/small-guide.md");

        Assert.Equal("Intro paragraph with a “curly quote” and an em dash—kept as written.", guide.Sections[0].Paragraphs.Single().Text);
        var items = guide.Sections[2].Paragraphs;
        Assert.Equal(["Item one.", "Item two."], items.Select(item => item.Text));
        Assert.All(items, item => Assert.True(item.IsListItem));
        Assert.Equal("- Item one.", items[0].Markdown);
    }

    [Fact]
    public void LoadDirectory_RepositoryGuides_EveryParagraphIsASliceOfItsFile()
    {
        var guides = GuideLoader.LoadDirectory(Path.Combine(TestKnowledge.Directory, "guides"));

        Assert.Equal(5, guides.Count);
        foreach (var guide in guides)
        {
            var source = File.ReadAllText(guide.FilePath).ReplaceLineEndings("\n");
            Assert.All(guide.Sections.SelectMany(section => section.Paragraphs), paragraph => Assert.Contains(paragraph.Markdown, source, StringComparison.Ordinal));
            Assert.DoesNotContain(guide.Sections.SelectMany(section => section.Paragraphs), paragraph => paragraph.Text.StartsWith("id:", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("# No front matter\n\nText.", "missing YAML front matter")]
    [InlineData("---\ntitle: No Id\n---\n\n# No Id\n", "missing 'id'")]
    [InlineData("---\nid: broken\ntitle: [unclosed\n---\n\n# Broken\n", "invalid front matter")]
    [InlineData("---\nid: other-name\ntitle: Wrong File\n---\n\n# Wrong File\n", "must match")]
    public void Parse_MalformedGuide_ThrowsNamingTheFile(string markdown, string expected)
    {
        var exception = Assert.Throws<KnowledgeFormatException>(() => GuideLoader.Parse(markdown, "/guides/broken.md"));

        Assert.Contains("/guides/broken.md", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateHeadings_GetDistinctSlugs()
    {
        const string markdown = "---\nid: dup\ntitle: Dup\n---\n\n# Dup\n\n## Tips\n\nOne.\n\n## Tips\n\nTwo.\n";

        var guide = GuideLoader.Parse(markdown, "/tmp/dup.md");

        Assert.Equal(["dup#tips", "dup#tips-2"], guide.Sections.Skip(1).Select(section => section.Reference));
    }
}
