using CoachBot.Ai.Answers.Coverage;

namespace CoachBot.Ai.Tests.Answers.Judging;

public sealed class TechnologyKindsTests
{
    [Theory]
    [InlineData("Should I learn Rust for backend?", "Rust", "Should I learn Rust (programming language) for backend?")]
    [InlineData("should i learn rust", "rust", "should i learn rust (programming language)")]
    [InlineData("Django or Laravel?", "Laravel", "Django or Laravel (backend web framework)?")]
    [InlineData("is kafka worth it", "kafka", "is kafka (microservices) worth it")]
    public void Describe_ListedName_PutsItsKindInTheGuidesWordsBesideIt(string question, string name, string described) =>
        Assert.Equal(described, TechnologyKinds.Describe(question, name));

    [Fact]
    public void Describe_NameInsideAnotherWord_IsNotTakenForTheName() =>
        Assert.Equal("can I trust rust (programming language)?", TechnologyKinds.Describe("can I trust rust?", "rust"));

    [Theory]
    [InlineData("Should I learn Cobra?", "Cobra")]
    [InlineData("Should I learn Rust?", "Kotlin")]
    public void Describe_NameNotListedOrNotInTheQuestion_LeavesTheQuestionAlone(string question, string name) =>
        Assert.Equal(question, TechnologyKinds.Describe(question, name));

    [Theory]
    [InlineData("Is Elixir with Phoenix a good choice?", "Is Elixir (programming language) with Phoenix (backend web framework) a good choice?")]
    [InlineData("kafka or rabbitmq, and kafka again?", "kafka (microservices) or rabbitmq (microservices), and kafka again?")]
    [InlineData("is swift better than rust", "is swift better than rust (programming language)")]   // "swift" in lower case is an everyday word
    [InlineData("Should I learn Python?", "Should I learn Python?")]
    public void DescribeAll_PutsTheKindBesideEveryListedName(string question, string described) =>
        Assert.Equal(described, TechnologyKinds.DescribeAll(question));

    [Theory]
    [InlineData("rust", "Rust")]
    [InlineData("KAFKA", "Kafka")]
    [InlineData("Cobra", "Cobra")]
    public void Canonical_GivesTheUsualSpelling(string typed, string expected) =>
        Assert.Equal(expected, TechnologyKinds.Canonical(typed));

    [Theory]
    [InlineData("rust", true)]
    [InlineData("kotlin", true)]
    [InlineData("swift", false)]
    [InlineData("render", false)]
    [InlineData("banana", false)]
    public void IsNameInLowerCase_OnlyForListedNamesThatAreNoEverydayWord(string word, bool expected) =>
        Assert.Equal(expected, TechnologyKinds.IsNameInLowerCase(word));
}
