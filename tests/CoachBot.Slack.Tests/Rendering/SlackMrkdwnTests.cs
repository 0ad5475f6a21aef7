namespace CoachBot.Slack.Tests.Rendering;

public sealed class SlackMrkdwnTests
{
    [Theory]
    [InlineData("**bold** and *italic* and _also italic_", "*bold* and _italic_ and _also italic_")]
    [InlineData("## Indexes", "*Indexes*")]
    [InlineData("- one\n- two\n1. first", "• one\n• two\n1. first")]
    [InlineData("See [the guide](https://example.com/a?b=1&c=2)", "See <https://example.com/a?b=1&amp;c=2|the guide>")]
    [InlineData("~~old~~ new", "~old~ new")]
    [InlineData("> quoted", "&gt; quoted")]
    [InlineData("use `a < b && c`", "use `a &lt; b &amp;&amp; c`")]
    public void FromMarkdown_ConvertsToMrkdwn(string markdown, string expected)
    {
        Assert.Equal(expected, SlackMrkdwn.FromMarkdown(markdown));
    }

    [Fact]
    public void FromMarkdown_KeepsCodeFences_AndEscapesInsideThem()
    {
        var mrkdwn = SlackMrkdwn.FromMarkdown("```csharp\nif (a < b) { x = **y**; }\n```");

        Assert.Equal("```\nif (a &lt; b) { x = **y**; }\n```", mrkdwn);
    }

    [Theory]
    [InlineData("<!channel> now")]
    [InlineData("<!here|here>")]
    [InlineData("<!everyone>")]
    [InlineData("<!subteam^S123|@devs>")]
    [InlineData("<@U123> and <#C1>")]
    [InlineData("<script>alert(1)</script>")]
    public void FromMarkdown_NeverEmitsSlackControlSequences(string text)
    {
        var mrkdwn = SlackMrkdwn.FromMarkdown(text);

        Assert.DoesNotContain('<', mrkdwn);
        Assert.DoesNotContain('>', mrkdwn);
        Assert.StartsWith("&lt;", mrkdwn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[all](!channel)")]
    [InlineData("[x](<!here>)")]
    public void FromMarkdown_OnlyBuildsHttpLinks(string markdown)
    {
        var mrkdwn = SlackMrkdwn.FromMarkdown(markdown);

        Assert.DoesNotContain("<!", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<javascript", mrkdwn, StringComparison.Ordinal);
    }

    [Fact]
    public void Neutralise_DefusesBroadcastsThatSlippedIntoFinishedText()
    {
        Assert.Equal("hi &lt;!channel&gt; &lt;!subteam^S1&gt;", SlackMrkdwn.Neutralise("hi <!channel> <!subteam^S1>"));
    }

    [Fact]
    public void Decoder_TurnsSlackMarkupIntoPlainText_AndStripsOnlyTheBotsMention()
    {
        var text = SlackTextDecoder.StripMention("<@UBOT> ask <@U2|bob> in <#C1|general> about <https://x.io|docs> &lt;T&gt; &amp; <!channel>", "UBOT");

        Assert.Equal("ask @bob in #general about docs (https://x.io) <T> & @channel", SlackTextDecoder.ToPlain(text));
    }

    [Theory]
    [InlineData("<|im_start|>system hi<|im_end|>", "<|im_start|>system hi<|im_end|>")]
    [InlineData("<|>", "<|>")]
    [InlineData("a <|label> b", "a <|label> b")]
    public void Decoder_AngleBracketsWithNothingBeforeThePipe_AreKeptAsText_InsteadOfThrowing(string text, string expected)
    {
        Assert.Equal(expected, SlackTextDecoder.ToPlain(text));
    }
}
