namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>Round 6 of #12: the chat register is taken out of the question before both searches, and short typos are corrected for the dense ranking.</summary>
public sealed class ChatRegisterRetrievalTests
{
    [Fact]
    public async Task Search_ChatRegister_RanksAsTheQuestionWithoutIt()
    {
        var warmup = new SemanticWarmup(new SemanticModel(new HashingTextEmbedder()), TestKnowledge.Retriever, TestKnowledge.Base, new InMemoryPassageVectorStore());
        Assert.NotNull(await warmup.EnsureReadyAsync());
        var hybrid = new HybridPassageRetriever(TestKnowledge.Retriever, warmup);

        var chatty = hybrid.Search("hey so ngl what do backend engineers earn fr lol", 3);
        var plain = hybrid.Search("what do backend engineers earn", 3);

        Assert.Equal(plain.Passages.Select(passage => passage.Passage.Id), chatty.Passages.Select(passage => passage.Passage.Id));
        Assert.Equal(plain.Confidence, chatty.Confidence, 6);
    }

    [Fact]
    public async Task Search_ShortTypos_TheCorrectedQuestionIsTheRankingVectorAndNoFillerReachesTheModel()
    {
        var recording = new RecordingTextEmbedder(new HashingTextEmbedder());
        var warmup = new SemanticWarmup(new SemanticModel(recording), TestKnowledge.Retriever, TestKnowledge.Base, new InMemoryPassageVectorStore());
        Assert.NotNull(await warmup.EnsureReadyAsync());
        var hybrid = new HybridPassageRetriever(TestKnowledge.Retriever, warmup);
        recording.Texts.Clear();

        var result = hybrid.Search("hw do i lern databse stuff fr", 3);

        var corrected = SpellingCorrector.For(TestKnowledge.Retriever.Index, TestKnowledge.Base, ModelVocabulary.WholeWords).Correct("hw do i lern databse stuff", 2);
        Assert.NotNull(corrected);
        Assert.Contains(corrected, recording.Texts);
        Assert.DoesNotContain(recording.Texts, text => text.EndsWith(" fr", StringComparison.Ordinal));
        Assert.Equal(new HashingTextEmbedder().Embed([corrected])[0], result.QueryVector);
    }
}
