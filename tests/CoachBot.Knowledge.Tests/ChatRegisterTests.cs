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
    [InlineData("hw do i get gud at debugging ngl it's killing me", "hw do i get gud at debugging")]
    [InlineData("how do I learn system design, this is driving me crazy!", "how do I learn system design!")]
    public void Strip_RemovesGreetingsLeadInsAndFillers(string question, string expected)
    {
        Assert.Equal(expected, ChatRegister.Strip(question));
    }

    [Theory]
    [InlineData("how much do backend engineers earn?")]
    [InlineData("the thought process though matters")]   // "tho" inside a word, and "though", are words
    [InlineData("what is a friendly REST API for beginners")]   // "fr" inside a word is no filler
    [InlineData("Is a bootcamp like a degree for employers?")]  // "like" is a word of the question
    [InlineData("is the deadline killing me a sign I should quit")]  // a sigh only at the end
    public void Strip_LeavesAQuestionWithoutChatRegisterAsItIs(string question)
    {
        Assert.Equal(question, ChatRegister.Strip(question));
    }

    [Theory]
    [InlineData("wats a gud site 2 grind coding problems on", "what's a good site to grind coding problems on")]
    [InlineData("wat langs r good 4 backend", "what languages are good for backend")]
    [InlineData("does a backend guy even need to kno html n css??", "does a backend guy even need to know html and css??")]
    [InlineData("r u sure i need sql w/o a degree", "are you sure i need sql without a degree")]
    [InlineData("im tryna get a job abt apis", "im trying to get a job about apis")]
    public void SpellOut_WritesOutChatSpellings(string question, string expected)
    {
        Assert.Equal(expected, ChatRegister.SpellOut(question));
    }

    [Theory]
    [InlineData("is R good for backend work?")]                  // R, the language
    [InlineData("should i learn r or python")]                   // "r" not followed by a word that follows "are"
    [InlineData("i have 2 years of experience and 4 projects")]  // counts of things and time stay numbers
    [InlineData("learn 2 languages in the U.S. market")]
    [InlineData("what is the diffie hellman exchange")]          // a spelling inside a longer word is no spelling
    public void SpellOut_LeavesWordsThatOnlyLookLikeChatSpellings(string question)
    {
        Assert.Equal(question, ChatRegister.SpellOut(question));
    }

    [Theory]
    [InlineData("hey lol")]
    [InlineData("fr fr")]
    public void Strip_QuestionLeftWithFewerThanTwoWords_IsReturnedUnchanged(string question)
    {
        Assert.Equal(question, ChatRegister.Strip(question));
    }
}
