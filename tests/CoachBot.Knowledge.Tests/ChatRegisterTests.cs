namespace CoachBot.Knowledge.Tests;

public sealed class ChatRegisterTests
{
    [Theory]
    [InlineData("hey so ngl how do i start with sql fr lol", "how do i start with sql")]
    [InlineData("yo, quick question: is python enough for backend?", "is python enough for backend?")]
    [InlineData("do i need a cs degree tbh or nah", "do i need a cs degree")]
    [InlineData("bro what does a backend dev even do lmao", "what does a backend dev even do")]
    [InlineData("ok so is docker worth learning, asking for a friend", "is docker worth learning")]
    [InlineData("what if im still in college tho?", "what if im still in college ?")]
    public void Strip_RemovesGreetingsLeadInsAndFillers(string question, string expected)
    {
        Assert.Equal(expected, ChatRegister.Strip(question));
    }

    [Theory]
    [InlineData("how much do backend engineers earn?")]
    [InlineData("the thought process though matters")]   // "tho" inside a word, and "though", are words
    [InlineData("what is a friendly REST API for beginners")]   // "fr" inside a word is no filler
    [InlineData("Is a bootcamp like a degree for employers?")]  // "like" is a word of the question
    public void Strip_LeavesAQuestionWithoutChatRegisterAsItIs(string question)
    {
        Assert.Equal(question, ChatRegister.Strip(question));
    }

    [Theory]
    [InlineData("hey lol")]
    [InlineData("fr fr")]
    public void Strip_QuestionLeftWithFewerThanTwoWords_IsReturnedUnchanged(string question)
    {
        Assert.Equal(question, ChatRegister.Strip(question));
    }
}
