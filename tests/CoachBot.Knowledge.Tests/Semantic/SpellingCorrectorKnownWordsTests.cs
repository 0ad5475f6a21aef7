namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>Round 7 of #12: an English word the guides never use is not a typo of a guide word one edit away.</summary>
public sealed class SpellingCorrectorKnownWordsTests
{
    private static readonly SpellingCorrector GuideWordsOnly = SpellingCorrector.For(TestKnowledge.Retriever.Index, TestKnowledge.Base);
    private static readonly SpellingCorrector WithModelVocabulary = SpellingCorrector.For(TestKnowledge.Retriever.Index, TestKnowledge.Base, ModelVocabulary.WholeWords);

    [Fact]
    public void ModelVocabulary_HasTheModelsWholeWordsWithoutWordPieces()
    {
        var words = ModelVocabulary.WholeWords;

        Assert.InRange(words.Count, 15_000, 30_522);
        Assert.Contains("database", words);
        Assert.Contains("week", words);
        Assert.DoesNotContain("databse", words);
        Assert.DoesNotContain(words, word => word.StartsWith("##", StringComparison.Ordinal) || word.StartsWith('['));
    }

    [Theory]
    [InlineData("there are like 5 new frameworks every week, how do beginners keep up", "week")]
    [InlineData("what tools do backend teams use for monitoring and logs", "logs")]
    [InlineData("what programming basics should i nail first for backend", "nail")]
    public void Correct_AnEnglishWordTheGuidesNeverUse_IsKeptWithTheModelVocabulary(string question, string word)
    {
        var guideOnly = GuideWordsOnly.Correct(question, SpellingCorrector.KnownWordMinLength);
        Assert.NotNull(guideOnly);   // without the vocabulary the word is "corrected" into a guide word
        Assert.DoesNotContain(" " + word, guideOnly, StringComparison.Ordinal);

        var corrected = WithModelVocabulary.Correct(question, SpellingCorrector.KnownWordMinLength);

        Assert.True(corrected is null || corrected.Contains(" " + word, StringComparison.Ordinal), corrected);
    }

    [Theory]
    [InlineData("hw do i lern databse stuff", "how do i learn database stuff")]
    [InlineData("wat topls do backnd teams use for monitoring and logs", "what tools do backend teams use for monitoring and logs")]
    public void Correct_RealTyposAndShortWords_AreStillCorrected(string question, string expected)
    {
        Assert.Equal(expected, WithModelVocabulary.Correct(question));
    }
}
