using CoachBot.Slack.Rendering;

namespace CoachBot.Slack.Tests.Rendering;

public sealed class SlackStreamMarkdownTests
{
    [Fact]
    public void Safe_OrdinaryMarkdown_IsKeptAsWritten()
    {
        const string markdown = "> a quote\n\n**bold** and _italic_, a [link](https://example.com) and 3 < 4 > 2";

        Assert.Equal(markdown, SlackStreamMarkdown.Safe(markdown));
    }

    [Fact]
    public void Delta_AMentionSplitAcrossTwoPieces_IsStillBroken()
    {
        var first = SlackStreamMarkdown.Safe("ask <");
        var delta = SlackStreamMarkdown.Delta("ask <", "ask <!here> now");

        Assert.NotNull(delta);
        Assert.DoesNotContain("<!here>", first + delta, StringComparison.Ordinal);
        Assert.Equal("ask <!here> now", (first + delta).Replace("\u200B", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Delta_TextThatNoLongerExtendsWhatWasSent_IsNull()
    {
        Assert.Null(SlackStreamMarkdown.Delta("Pick one backend", "Here's what the guide says"));
    }

    [Theory]
    [InlineData("ask <!here> now", "<!here>")]
    [InlineData("ask <!channel>", "<!channel>")]
    [InlineData("hi <@U123> there", "<@U123>")]
    [InlineData("see <#C123|general>", "<#C123")]
    [InlineData("tell @everyone", "@everyone")]
    public void Safe_ControlSequencesAndBroadcastWords_AreBrokenSoTheyPingNoOne(string markdown, string dangerous)
    {
        var safe = SlackStreamMarkdown.Safe(markdown);

        Assert.DoesNotContain(dangerous, safe, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(markdown, safe.Replace("\u200B", string.Empty, StringComparison.Ordinal));
    }
}
