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
}
