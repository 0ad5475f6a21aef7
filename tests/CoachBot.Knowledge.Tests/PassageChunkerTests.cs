namespace CoachBot.Knowledge.Tests;

public sealed class PassageChunkerTests
{
    private static IReadOnlyList<PassageChunk> Chunks => PassageChunker.Chunk(TestKnowledge.Base.Catalog);

    [Fact]
    public void Chunk_EveryChunk_HasOneToThreeParagraphsOfOneSection()
    {
        Assert.NotEmpty(Chunks);
        Assert.All(Chunks, chunk =>
        {
            Assert.InRange(chunk.Paragraphs.Count, 1, PassageChunker.MaxParagraphs);
            Assert.All(chunk.Paragraphs, paragraph => Assert.Contains(paragraph, chunk.Section.Paragraphs));
            Assert.Equal(chunk.Section.Path, chunk.Passage.SectionPath);
        });
    }

    [Fact]
    public void Chunk_NoChunkCrossesAHeading()
    {
        foreach (var chunk in Chunks)
        {
            var lines = File.ReadAllLines(TestKnowledge.GuidePath(chunk.Passage.GuideId));
            var first = chunk.Paragraphs[0].Line;
            var last = chunk.Paragraphs[^1].Line;
            var between = lines.Skip(first - 1).Take(last - first + 1);
            Assert.DoesNotContain(between, line => line.StartsWith('#'));
        }
    }

    [Fact]
    public void Chunk_Text_IsVerbatimGuideMarkdown()
    {
        foreach (var chunk in Chunks)
        {
            var source = File.ReadAllText(TestKnowledge.GuidePath(chunk.Passage.GuideId)).ReplaceLineEndings("\n");
            Assert.All(chunk.Passage.Text.Split("\n\n"), block => Assert.Contains(block, source, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Chunk_Ids_AreUniqueStableAndNameTheSection()
    {
        var first = Chunks.Select(chunk => chunk.Passage.Id).ToList();
        var second = PassageChunker.Chunk(Base.Catalog).Select(chunk => chunk.Passage.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(Chunks, chunk => Assert.StartsWith(chunk.Section.Reference + "/", chunk.Passage.Id, StringComparison.Ordinal));
        Assert.Contains("backend-career-path#database-management/1", first);
    }

    [Fact]
    public void Chunk_HeadingText_CarriesTitleAndPathButNotTheQuotedText()
    {
        var chunk = Chunks.First(chunk => chunk.Passage.Id == "backend-career-path#database-management/1");

        Assert.Equal("Backend Engineer Career Path\nStep 1: Laying the Foundation\nDatabase Management", chunk.HeadingText);
        Assert.DoesNotContain("Database Management", chunk.Passage.Text, StringComparison.Ordinal);
        Assert.StartsWith("- Acquire expertise in relational database management systems", chunk.Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_ShortListItems_AreGrouped()
    {
        var chunk = Chunks.First(chunk => chunk.Passage.Id == "backend-career-path#database-management/1");

        Assert.Equal(3, chunk.Paragraphs.Count);
        Assert.Equal(2, chunk.Passage.Text.Count(c => c == '\n'));
    }

    private static KnowledgeBase Base => TestKnowledge.Base;
}
