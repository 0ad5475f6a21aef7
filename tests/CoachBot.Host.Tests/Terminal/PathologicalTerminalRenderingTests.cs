using CoachBot.Core.Safety;
using CoachBot.Testing.Safety;

namespace CoachBot.Host.Tests.Terminal;

/// <summary>100 KB pathological inputs through the terminal renderer; timings are in bench/ (RendererBenchmarks).</summary>
public sealed class PathologicalTerminalRenderingTests
{
    [Theory]
    [MemberData(nameof(PathologicalCases.All), MemberType = typeof(PathologicalCases))]
    public void Render_PathologicalInput_KeepsEveryWordCharacter(string name, string input)
    {
        var rendered = TerminalReplyRenderer.Render(Reply.Public(input));

        Assert.Equal(Letters(input), Letters(rendered));
        Assert.True(rendered.Length > 0, name);
    }

    [Theory]
    [MemberData(nameof(PathologicalCases.All), MemberType = typeof(PathologicalCases))]
    public void Render_CleanedModelText_HasNoControlCharacters(string name, string input)
    {
        var rendered = TerminalReplyRenderer.Render(Reply.Public(ModelText.Clean(input + "\u001b]8;;https://evil.example\u0007x", LinkAllowList.None)));

        Assert.DoesNotContain(rendered, c => char.IsControl(c) && c is not '\n' and not '\r');
        Assert.True(rendered.Length > 0, name);
    }

    [Fact]
    public void Render_HeadingWithA100KBSpaceRun_DropsOnlyTheMarker()
    {
        var spaces = new string(' ', PathologicalText.Size);

        Assert.Equal("x" + spaces + "y", TerminalReplyRenderer.Render(Reply.Public("# x" + spaces + "y")));
    }

    private static string Letters(string text) => string.Concat(text.Where(char.IsLetterOrDigit));
}
