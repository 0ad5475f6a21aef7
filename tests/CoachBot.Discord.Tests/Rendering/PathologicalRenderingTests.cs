using System.Text.RegularExpressions;
using CoachBot.Core.Safety;
using CoachBot.Testing.Safety;

namespace CoachBot.Discord.Tests.Rendering;

/// <summary>100 KB pathological inputs through the Discord renderer and splitter; timings are in bench/ (RendererBenchmarks).</summary>
public sealed class PathologicalRenderingTests
{
    [Theory]
    [MemberData(nameof(PathologicalCases.All), MemberType = typeof(PathologicalCases))]
    public void Render_PathologicalInput_SplitsUnderTheLimit_AndLosesNoText(string name, string input)
    {
        var messages = DiscordReplyRenderer.Render(Reply.Public(input), ephemeral: false);

        Assert.All(messages, m => Assert.InRange(m.Content!.Length, 1, DiscordReplyRenderer.MaxMessageLength));
        var rendered = string.Concat(messages.Select(m => m.Content)).Replace("```", string.Empty, StringComparison.Ordinal);
        Assert.Equal(NonSpace(input.Replace("```", string.Empty, StringComparison.Ordinal)), NonSpace(rendered));
        Assert.True(messages.Count >= 1, name);
    }

    [Theory]
    [MemberData(nameof(PathologicalCases.All), MemberType = typeof(PathologicalCases))]
    public void Render_CleanedModelText_NoMessageHoldsAMaskedLink(string name, string input)
    {
        var messages = DiscordReplyRenderer.Render(Reply.Public(ModelText.Clean(input, LinkAllowList.None)), ephemeral: false);

        Assert.All(messages, m => Assert.False(MaskedLink.IsMatch(m.Content!), name + ": " + MaskedLink.Match(m.Content!).Value));
    }

    [Fact]
    public void InjectedLink_FromTheModel_IsPostedWithItsAddress()
    {
        var answer = ModelText.Clean("Learn SQL first. See the [official SQL course](https://evil.example/x).", LinkAllowList.None);

        var message = Assert.Single(DiscordReplyRenderer.Render(Reply.Public(answer), ephemeral: false));

        Assert.Equal("Learn SQL first. See the official SQL course (https://evil.example/x).", message.Content);
    }

    [Fact]
    public void Render_DoesNotCutAnAllowedLinkInTwo()
    {
        var text = new string('a', 1990) + " [the roadmap](https://roadmap.sh/backend) and more";

        var chunks = DiscordReplyRenderer.Render(Reply.Public(text), ephemeral: false).Select(m => m.Content!).ToList();

        Assert.Equal(2, chunks.Count);
        Assert.StartsWith("[the roadmap](https://roadmap.sh/backend)", chunks[1], StringComparison.Ordinal);
    }

    private static string NonSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u200B'));

    // What Discord renders as a masked link: [label](http…) with a closing parenthesis.
    private static readonly Regex MaskedLink = new(@"\[[^\[\]\n]*\]\(\s*<?https?://[^)\n]*\)", RegexOptions.NonBacktracking);
}
