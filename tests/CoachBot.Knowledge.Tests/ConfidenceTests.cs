namespace CoachBot.Knowledge.Tests;

/// <summary>
/// Pins that confidence separates questions the guides cover from off-topic requests at the default threshold.
/// The questions are this test's own wording, not the evaluation sets'.
/// </summary>
public sealed class ConfidenceTests
{
    public static TheoryData<string> OnTopic =>
    [
        "how much do backend devs get paid",
        "should I learn docker or kubernetes first",
        "is a bootcamp enough to land a backend job",
        "what does a tech lead do all day",
        "which database should a beginner pick",
        "how do I prepare for a backend interview",
        "is it worth learning graphql",
        "can I switch from teaching to backend development",
        "what's ci/cd",
        "do I need a degree",
        "how to become a backend engineer",
        "what is a microservice",
        "is backend work fun or boring",
        "any good books for backend engineers?",
        "wats a gud site to grind coding problems on",   // chat spellings are written out for the confidence
        "wat langs r good 4 backend",
    ];

    public static TheoryData<string> OffTopic =>
    [
        "what's the weather in Paris",
        "is it going to rain tomorrow in London",
        "best pizza recipe",
        "give me a recipe for chocolate cake",
        "how do I bake sourdough bread",
        "who won the football game last night",
        "lakers score tonight",
        "what's the score of the champions league final",
        "recommend me a good movie to watch tonight",
        "what's the best netflix series",
        "tell me a joke",
        "tell me a fun fact",
        "solve 2x + 5 = 15 for x",
        "what is the derivative of x squared",
        "help me with my chemistry homework",
        "how tall is mount everest",
        "hi",
        "wats a gud pizza place near me",
    ];

    [Theory]
    [MemberData(nameof(OnTopic))]
    public void Search_OnTopicQuestion_IsAtOrAboveTheDefaultThreshold(string question)
    {
        var confidence = TestKnowledge.Retriever.Search(question, 3).Confidence;

        Assert.True(confidence >= KnowledgeOptions.DefaultMinConfidence, $"confidence {confidence:F2} for '{question}'");
    }

    [Theory]
    [MemberData(nameof(OffTopic))]
    public void Search_OffTopicQuestion_IsBelowTheDefaultThreshold(string question)
    {
        var confidence = TestKnowledge.Retriever.Search(question, 3).Confidence;

        Assert.True(confidence < KnowledgeOptions.DefaultMinConfidence, $"confidence {confidence:F2} for '{question}'");
    }

    [Fact]
    public void ExplainConfidence_UnknownWords_LowerCoverage()
    {
        var known = TestKnowledge.Retriever.ExplainConfidence("database design normalization");
        var unknown = TestKnowledge.Retriever.ExplainConfidence("database zebra xylophone");

        Assert.Equal(1, known.VocabularyCoverage, 3);
        Assert.True(unknown.VocabularyCoverage < known.VocabularyCoverage);
        Assert.InRange(unknown.Confidence, 0, 1);
    }
}
