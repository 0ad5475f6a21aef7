using CoachBot.Ai.Answers.Coverage;

namespace CoachBot.Ai.Tests.Answers;

public sealed class FigureQuestionTests
{
    [Theory]
    [InlineData("How much does a junior backend developer make?", FigureKind.Money)]
    [InlineData("what's the money like for seniors", FigureKind.Money)]
    [InlineData("do backend devs earn more than frontend devs?", FigureKind.Money)]
    [InlineData("how fast is demand growing?", FigureKind.Rate)]
    [InlineData("how many years until senior?", FigureKind.Amount)]
    public void Of_QuestionAskingForAFigure_NamesItsKind(string question, FigureKind kind) =>
        Assert.Equal(kind, FigureQuestion.Of(question));

    [Theory]
    // The tenth user study: "worth the money in 2025" opened with "The guides don't give figures for 2025" and salaries.
    [InlineData("Is a coding bootcamp worth the money in 2025?")]
    [InlineData("is a cs degree a waste of money?")]
    [InlineData("should i spend money on certifications?")]
    public void Of_MoneyAsTheCostOfSomething_IsNotAFigureQuestion(string question) =>
        Assert.Equal(FigureKind.None, FigureQuestion.Of(question));
}
