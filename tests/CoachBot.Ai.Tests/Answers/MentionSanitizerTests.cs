namespace CoachBot.Ai.Tests.Answers;

public sealed class MentionSanitizerTests
{
    [Theory]
    [InlineData("Hey @everyone, learn SQL", "Hey everyone, learn SQL")]
    [InlineData("@here read this", "here read this")]
    [InlineData("ping <!channel> and <!here> and <!everyone>", "ping channel and here and everyone")]
    [InlineData("ask <@&123456789> or <@!42> or <@U0123ABC>", "ask someone or someone or someone")]
    [InlineData("Slack group <!subteam^S123|@devs>", "Slack group subteam")]
    public void Clean_TextWithPings_HasNoPingLeft(string text, string expected)
    {
        var cleaned = MentionSanitizer.Clean(text);

        Assert.Equal(expected, cleaned);
    }

    [Fact]
    public void Clean_EmailAddress_IsLeftAlone()
    {
        Assert.Equal("mail me at dev@example.com", MentionSanitizer.Clean("mail me at dev@example.com"));
    }
}
