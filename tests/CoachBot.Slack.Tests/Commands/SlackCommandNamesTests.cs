using CoachBot.Slack.Commands;

namespace CoachBot.Slack.Tests.Commands;

public sealed class SlackCommandNamesTests
{
    [Theory]
    [InlineData("remind", "coach-remind")]
    [InlineData("/feedback", "coach-feedback")]
    [InlineData("help", "coach-help")]
    [InlineData("quiz", "quiz")]
    [InlineData("mydata", "mydata")]
    public void ToSlack_RenamesOnlySlackBuiltIns(string core, string slack) =>
        Assert.Equal(slack, SlackCommandNames.ToSlack(core));

    [Theory]
    [InlineData("/coach-remind", "remind")]
    [InlineData("coach-help", "help")]
    [InlineData("/remind", "remind")]
    [InlineData("/quiz", "quiz")]
    [InlineData("/coach-quiz", "coach-quiz")]
    public void ToCore_MapsASlackNameBack_AndLeavesEveryOtherNameAlone(string slack, string core) =>
        Assert.Equal(core, SlackCommandNames.ToCore(slack));

    [Fact]
    public void EveryRenamedName_IsNotItselfABuiltIn_AndMapsBack()
    {
        foreach (var builtIn in SlackCommandNames.BuiltIns)
        {
            var slack = SlackCommandNames.ToSlack(builtIn);
            Assert.False(SlackCommandNames.IsBuiltIn(slack), slack);
            Assert.Equal(builtIn, SlackCommandNames.ToCore("/" + slack));
        }
    }
}
