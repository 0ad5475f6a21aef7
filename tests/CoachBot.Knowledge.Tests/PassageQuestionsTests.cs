using CoachBot.Knowledge.Expansions;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Knowledge.Tests;

/// <summary>
/// Pins what passage questions (expansion entries with a <c>part</c>) do: they rank their one passage, and their words
/// neither become words the guides know nor raise the confidence that the guides cover a question.
/// </summary>
public sealed class PassageQuestionsTests
{
    private const string PassageId = "backend-developer-career-guide#top-skills/2";

    private const string Yaml = "guide: backend-developer-career-guide\nsections:\n  - heading: \"Top Skills\"\n    part: 2\n    questions:\n      - which zeppelin skills get you hired\n";

    private static KnowledgeBase With() =>
        TestKnowledge.Base with { Expansions = SectionExpansions.Parse(Yaml, "/k/expansions/passages/backend-developer-career-guide.yaml", TestKnowledge.Base.Catalog) };

    private static KnowledgeBase Without() => TestKnowledge.Base with { Expansions = SectionExpansions.Empty };

    [Fact]
    public void Search_WordOnlyInAPassageQuestion_RanksThatPassageAndNoOtherOfItsSection()
    {
        using var retriever = new LucenePassageRetriever(With());

        var result = retriever.Search("zeppelin", 5);

        Assert.Equal(PassageId, Assert.Single(result.Passages).Passage.Id);
    }

    [Fact]
    public void Index_WordOnlyInAPassageQuestion_IsNotAWordTheGuidesKnow()
    {
        using var retriever = new LucenePassageRetriever(With());

        Assert.Equal(0, retriever.Index.DocumentFrequency("zeppelin"));
        Assert.DoesNotContain("zeppelin", retriever.Index.TokensAt(retriever.Index.Chunks.Select((chunk, docId) => (chunk, docId)).Single(pair => pair.chunk.Passage.Id == PassageId).docId));
    }

    [Theory]
    [InlineData("zeppelin skills get you hired")]
    [InlineData("which zeppelin")]
    public void Confidence_MatchInAPassageQuestion_IsWhatItIsWithoutIt(string question)
    {
        using var with = new LucenePassageRetriever(With());
        using var without = new LucenePassageRetriever(Without());

        Assert.Equal(without.Search(question, 3).Confidence, with.Search(question, 3).Confidence, 6);
        Assert.Equal(without.ExplainConfidence(question), with.ExplainConfidence(question));
    }

    [Fact]
    public void SemanticTexts_PassageQuestion_PointsAtItsPassageOnly()
    {
        using var retriever = new LucenePassageRetriever(With());

        var question = Assert.Single(SemanticTexts.Questions(retriever.Index, With()));

        Assert.Equal("which zeppelin skills get you hired", question.Question);
        Assert.Equal(PassageId, retriever.Index.ChunkAt(Assert.Single(question.DocIds)).Passage.Id);
    }
}
