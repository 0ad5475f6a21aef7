using CoachBot.Ai.Answers;

namespace CoachBot.Ai.Tests.Answers;

public sealed class OrdinalReferenceTests
{
    [Theory]
    [InlineData("tell me more about the second one", "What should a junior dev know about relational vs non-relational databases?", "tell me more about non-relational databases")]
    [InlineData("tell me more about the first one", "What should a junior dev know about relational vs non-relational databases?", "tell me more about relational databases")]
    [InlineData("ok what about the latter", "should i learn go or rust first?", "ok what about rust")]
    [InlineData("why the former?", "Python versus Java for a beginner", "why Python?")]
    public void Resolve_OrdinalAfterAQuestionSettingThingsSideBySide_NamesTheItem(string asked, string previousQuestion, string expected) =>
        Assert.Equal(expected, OrdinalReference.Resolve(asked, previousQuestion, "Here's what the guide says:\n> Something. [1]"));

    [Fact]
    public void Resolve_OrdinalAfterAnAnswerNamingExamples_NamesTheFirstExampleShown()
    {
        const string answer = "Here's what the guide says:\n\n> We also explore how crucial backend skills can be leveraged in high-impact roles like Technical Consulting and Product Management, where technical insight is paramount. [1]\nMore in [1]: Related Career Paths · Moving into Adjacent Industries";

        Assert.Equal("tell me more about Technical Consulting", OrdinalReference.Resolve("tell me more about the first one", "What other careers can I switch to?", answer));
        Assert.Equal("and Product Management?", OrdinalReference.Resolve("and the second one?", "What other careers can I switch to?", answer));
    }

    [Fact]
    public void Resolve_OrdinalAfterAnOfflineAnswerQuotingALeadInAndItsList_NamesThatItem()
    {
        // The ninth user study: the offline composer quotes a list as plain quoted lines after its lead-in, with no bullets.
        const string answer = "Here's what the guide says:\n\n> One of the most appealing aspects of a career in backend development is its longevity and stability. [1]\n\n"
            + "> As you progress in your career, you may choose to specialize in a particular area of backend engineering, including:\n"
            + "> DevOps Engineering: Focus on automating software development and deployment processes.\n"
            + "> Cloud Architecture: Design and manage scalable cloud-based infrastructure.\n"
            + "> Real-Time Systems: Develop systems that process and respond to data in real time. [2]\n\n> Another sentence: with a colon. [3]";

        Assert.Equal("tell me more about Cloud Architecture", OrdinalReference.Resolve("tell me more about the second one", "What specializations can I move into?", answer));
        Assert.Equal("and Real-Time Systems?", OrdinalReference.Resolve("and the third one?", "What specializations can I move into?", answer));
        Assert.Null(OrdinalReference.Resolve("and the fourth one?", "What specializations can I move into?", answer));
    }

    [Fact]
    public void Resolve_OrdinalAfterAnAnswerWithOnlyMoreHeadings_NamesTheHeading()
    {
        const string answer = "Here's what the guide says:\n\n> For backend developers, the journey doesn't have to follow a linear path. [1]\nMore in [1]: Related Career Paths · Moving into Adjacent Industries · …";

        Assert.Equal("what's in Moving into Adjacent Industries", OrdinalReference.Resolve("what's in the second one", "other careers?", answer));
    }

    [Theory]
    [InlineData("what's the first step?")]
    [InlineData("tell me more about that")]
    [InlineData("and the fifth one?")]
    public void Resolve_NoOrdinalOrNothingItCounts_LeavesTheQuestion(string asked) =>
        Assert.Null(OrdinalReference.Resolve(asked, "relational vs non-relational databases", "> Databases store data. [1]"));

    [Theory]
    [InlineData("tell me more about the second one", null, null)]
    [InlineData("what about the first option?", "how do I get better at debugging", "> Debugging can be a daunting task.")]
    [InlineData("tell me more about the second one", "is backend still a safe career or nah", "> It offers longevity and stability.")]
    public void CountsNothing_OrdinalAloneWithNoListToCount_IsTrue(string asked, string? previousQuestion, string? previousAnswer) =>
        Assert.True(OrdinalReference.CountsNothing(asked, previousQuestion, previousAnswer));

    [Theory]
    [InlineData("tell me more about the second one", "Go or Rust for backend?", "> Both are fine.")]
    [InlineData("what's the first role in a backend career?", null, null)]
    [InlineData("tell me more about the latter", null, null)]
    public void CountsNothing_ListToCountOrAQuestionOfItsOwn_IsFalse(string asked, string? previousQuestion, string? previousAnswer) =>
        Assert.False(OrdinalReference.CountsNothing(asked, previousQuestion, previousAnswer));
}
