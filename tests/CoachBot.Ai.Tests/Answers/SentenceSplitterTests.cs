namespace CoachBot.Ai.Tests.Answers;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_Paragraph_ReturnsEachSentenceVerbatim()
    {
        var text = "Backend work is varied. You design APIs! Do you like databases? Then read on.";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(["Backend work is varied.", "You design APIs!", "Do you like databases?", "Then read on."], sentences);
    }

    [Fact]
    public void Split_AbbreviationsAndDottedNames_DoNotEndASentence()
    {
        var text = "According to the U.S. Bureau of Labor Statistics, jobs grow. Tools, e.g. Node.js and Vue.js, help.";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(["According to the U.S. Bureau of Labor Statistics, jobs grow.", "Tools, e.g. Node.js and Vue.js, help."], sentences);
    }

    [Fact]
    public void Split_ListItems_DropsTheMarkerOnly()
    {
        var text = "- Learn SQL well.\n- Explore NoSQL databases like MongoDB or Redis for specialized scenarios.\n1. Practise daily.";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(["Learn SQL well.", "Explore NoSQL databases like MongoDB or Redis for specialized scenarios.", "Practise daily."], sentences);
    }

    [Fact]
    public void Split_EveryGuideSentence_IsASubstringOfTheGuide()
    {
        foreach (var file in Directory.EnumerateFiles(Support.RepoPaths.Guides, "*.md"))
        {
            var text = File.ReadAllText(file);

            var sentences = SentenceSplitter.Split(text);

            Assert.NotEmpty(sentences);
            Assert.All(sentences, s => Assert.Contains(s, text, StringComparison.Ordinal));
        }
    }
}
