using CoachBot.Core.Replies.Formatting;

namespace CoachBot.Core.Tests.Replies;

public class MarkdownLinesTests
{
    [Theory]
    [InlineData("# Title", "Title")]
    [InlineData("   ### Deep title ###  ", "Deep title")]
    [InlineData("## Learn C#", "Learn C#")]
    [InlineData("#\tTabbed", "Tabbed")]
    [InlineData("# x    y", "x    y")]
    public void TryHeading_AtxHeading_GivesItsText(string line, string expected)
    {
        Assert.True(MarkdownLines.TryHeading(line, out var text));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("#hashtag")]
    [InlineData("####### seven")]
    [InlineData("    # indented four")]
    [InlineData("plain")]
    public void TryHeading_NotAHeading_IsFalse(string line)
    {
        Assert.False(MarkdownLines.TryHeading(line, out _));
    }

    [Fact]
    public void TryHeading_SpaceRunOf100KB_KeepsTheWholeText()
    {
        var line = "# x" + new string(' ', 100 * 1024) + "y";

        Assert.True(MarkdownLines.TryHeading(line, out var text));
        Assert.Equal("x" + new string(' ', 100 * 1024) + "y", text);
    }

    [Theory]
    [InlineData("---", true)]
    [InlineData(" * * *", true)]
    [InlineData("___  _", true)]
    [InlineData("--", false)]
    [InlineData("-*-", false)]
    [InlineData("--- x", false)]
    public void IsHorizontalRule_MatchesThematicBreaks(string line, bool expected)
    {
        Assert.Equal(expected, MarkdownLines.IsHorizontalRule(line));
    }
}
