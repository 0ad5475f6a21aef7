namespace CoachBot.Ai.Tests.Answers;

public sealed class FollowUpDetectorTests
{
    [Theory]
    [InlineData("tell me more about the data engineer one")]
    [InlineData("more about devops please")]
    [InlineData("can you elaborate on microservices")]
    public void NamesItsOwnSubject_RequestForMoreThatNamesATopic_IsTrue(string message)
    {
        Assert.True(FollowUpDetector.AsksForMore(message));
        Assert.True(FollowUpDetector.NamesItsOwnSubject(message));
    }

    [Theory]
    [InlineData("tell me more")]
    [InlineData("tell me more about that")]
    [InlineData("what else?")]
    [InlineData("go on")]
    [InlineData("more details please")]
    public void NamesItsOwnSubject_PlainRequestForMore_IsFalse(string message)
    {
        Assert.True(FollowUpDetector.AsksForMore(message));
        Assert.False(FollowUpDetector.NamesItsOwnSubject(message));
    }
    [Theory]
    [InlineData("and for seniors?")]
    [InlineData("is it hard to learn?")]
    [InlineData("how much do they earn?")]
    [InlineData("what skills does that role need?")]
    [InlineData("do those pay well?")]
    [InlineData("how does that compare to a lead backend developer?")]
    [InlineData("can you compare it with a senior backend engineer role?")]
    public void IsFollowUp_MessageLeaningOnThePreviousOne_IsAFollowUp(string question) =>
        Assert.True(FollowUpDetector.IsFollowUp(question), question);

    [Theory]
    [InlineData("wat is kubernetes for, do i need it as a jr")]
    [InlineData("what is docker and why would I use it")]
    [InlineData("which databases should I learn first?")]
    public void IsFollowUp_PronounStandingForWhatTheQuestionNamed_IsNotAFollowUp(string question) =>
        Assert.False(FollowUpDetector.IsFollowUp(question), question);
}
