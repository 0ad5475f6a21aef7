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
    [InlineData("which pays more, junior or senior?", FigureKind.Money)]
    public void Of_QuestionAskingForAFigure_NamesItsKind(string question, FigureKind kind) =>
        Assert.Equal(kind, FigureQuestion.Of(question));

    [Theory]
    // The tenth user study: "worth the money in 2025" opened with "The guides don't give figures for 2025" and salaries.
    [InlineData("Is a coding bootcamp worth the money in 2025?")]
    [InlineData("is a cs degree a waste of money?")]
    [InlineData("should i spend money on certifications?")]
    [InlineData("does learning go pay off?")]
    public void Of_MoneyAsTheCostOfSomething_IsNotAFigureQuestion(string question) =>
        Assert.Equal(FigureKind.None, FigureQuestion.Of(question));

    [Theory]
    [InlineData("which languages pay more?", true)]
    [InlineData("and which of those pay more?", true)]
    [InlineData("what skills earn the most?", true)]
    [InlineData("what is the highest paying specialization?", true)]
    [InlineData("How much does a junior backend developer make?", false)]
    [InlineData("which language should I learn first?", false)]
    [InlineData("which pays more, junior or senior?", false)]
    public void AsksWhichPaysMore_TellsAQuestionChoosingWhatPaysMore(string question, bool asks) =>
        Assert.Equal(asks, FigureQuestion.AsksWhichPaysMore(question));

    [Theory]
    [InlineData("Additionally, backend engineers with expertise in Python and Java may command higher salaries.", true)]
    [InlineData("In technology hubs, salaries can be significantly higher due to the cost of living.", true)]
    [InlineData("Entry-level positions may start at around $70,000 to $80,000.", false)]
    [InlineData("Python is loved for its readability.", false)]
    public void SaysPaysMore_TellsASentenceSayingWhatPaysMore(string text, bool says) =>
        Assert.Equal(says, FigureQuestion.SaysPaysMore(text));
}
