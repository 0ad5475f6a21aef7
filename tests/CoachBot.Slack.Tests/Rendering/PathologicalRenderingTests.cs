using System.Text.RegularExpressions;
using CoachBot.Testing.Safety;

namespace CoachBot.Slack.Tests.Rendering;

/// <summary>
/// 100 KB inputs built to make parsers backtrack go through the mrkdwn converter (the renderer's share is in
/// SlackRendererContractTests); the output is checked for correctness (timings are in bench/: RendererBenchmarks).
/// </summary>
public sealed class PathologicalRenderingTests
{
    [Fact]
    public void FromMarkdown_HeadingWithA100KBSpaceRun_IsOneBoldLine()
    {
        var spaces = new string(' ', PathologicalText.Size);

        Assert.Equal("*x" + spaces + "y*", SlackMrkdwn.FromMarkdown("# x" + spaces + "y"));
    }

    [Fact]
    public void FromMarkdown_UnbalancedBrackets_AreEscapedTextNotLinks()
    {
        var brackets = new string('[', 10_000) + "x](https://evil.example/x";
        var angles = new string('<', 10_000);

        Assert.Equal(brackets, SlackMrkdwn.FromMarkdown(brackets));
        Assert.Equal(angles.Replace("<", "&lt;", StringComparison.Ordinal), SlackMrkdwn.FromMarkdown(angles));
    }

    [Theory]
    [InlineData("a *b* c", "a _b_ c")]
    [InlineData("a**b** c", "a*b* c")]
    [InlineData("snake_case and __bold__ words", "snake_case and *bold* words")]
    [InlineData("x*y*z stays", "x*y*z stays")]
    [InlineData("__init__ method", "*init* method")]
    public void FromMarkdown_EmphasisNextToWords_FollowsTheOldRules(string markdown, string expected)
    {
        Assert.Equal(expected, SlackMrkdwn.FromMarkdown(markdown));
    }

    [Theory]
    [InlineData("**Bold** and _it_ and snake_case and `code` ~~gone~~ a*b", "Bold and it and snake_case and code gone a*b")]
    [InlineData("# Title\n\n* item *one*", "Title * item one")]
    public void PlainFallback_DropsMarks_ButKeepsMarksInsideWords(string markdown, string expected)
    {
        Assert.Equal(expected, SlackMrkdwn.PlainFallback(markdown, 1000));
    }

    [Fact]
    public void SplitText_LongLine_DoesNotCutALinkInTwo()
    {
        var line = new string('a', 2990) + " <https://roadmap.sh/backend|the roadmap> tail";

        var pieces = SlackReplyRenderer.SplitText(line, SlackLimits.SectionText);

        Assert.Equal(2, pieces.Count);
        Assert.StartsWith("<https://roadmap.sh/backend|the roadmap>", pieces[1], StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRendererRegex_RunsOnTheLinearEngineOrHasATimeout()
    {
        var regexes = typeof(SlackMrkdwn).GetMethods(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0)
            .Select(m => (m.Name, Regex: (Regex)m.Invoke(null, null)!))
            .ToList();

        Assert.True(regexes.Count >= 10);
        Assert.All(regexes, r => Assert.True(
            r.Regex.Options.HasFlag(RegexOptions.NonBacktracking) || r.Regex.MatchTimeout != Regex.InfiniteMatchTimeout, r.Name));
    }
}
