using CoachBot.Ai.Answers;

namespace CoachBot.Ai.Tests.Answers;

public sealed class NextCareerStageTests
{
    [Theory]
    [InlineData("what is the next step after junior?", null, "role of a Backend Developer")]
    [InlineData("what comes after mid-level?", null, "Senior Backend Developer")]
    [InlineData("whats next after being a senior dev", null, "Lead Backend Developer")]
    [InlineData("where do i go from tech lead", null, "Solutions Architect")]
    [InlineData("what comes after an internship?", null, "Junior Backend Developer")]
    [InlineData("what comes after that?", "what does a senior backend engineer do?", "Lead Backend Developer")]
    [InlineData("and then what?", "how do I go from junior to senior?", "Lead Backend Developer")]
    [InlineData("after senior, whats the next rung up", null, "Lead Backend Developer")]
    public void Searchable_QuestionAboutTheNextStage_DescribesTheStageAfterTheOneNamed(string question, string? previous, string expected) =>
        Assert.Contains(expected, NextCareerStage.Searchable(question, previous), StringComparison.Ordinal);

    [Theory]
    [InlineData("what does a senior backend engineer do?", null)]
    [InlineData("what should I learn after this?", "what does a senior backend engineer do?")]
    [InlineData("what comes after that?", "how do I learn SQL?")]
    [InlineData("what's next after my senior year of college?", null)]
    [InlineData("what comes next?", null)]
    [InlineData("What changes when you move up from junior to a regular mid-level backend developer?", null)]
    [InlineData("what comes after senior, like lead dev or architect type roles?", null)]
    public void Searchable_NotAboutTheNextStage_GivesNothing(string question, string? previous) =>
        Assert.Null(NextCareerStage.Searchable(question, previous));
}
