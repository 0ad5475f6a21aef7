using System.Text.RegularExpressions;
using CoachBot.Core.Safety;
using CoachBot.Testing.Rendering;

namespace CoachBot.Discord.Tests.Rendering;

/// <summary>The renderer contract for Discord (a message's content is the limited piece), and Discord's own link cases.</summary>
public sealed partial class DiscordRendererContractTests() : ReplyRendererContract<MessagePayload>(DiscordReplyRenderer.MaxMessageLength, MaskedLink())
{
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

    protected override IReadOnlyList<MessagePayload> Render(Reply reply) => DiscordReplyRenderer.Render(reply, ephemeral: false);

    protected override IEnumerable<string> Pieces(MessagePayload message) => [message.Content!];

    protected override void AssertEveryPartRendered(MessagePayload message)
    {
        Assert.Equal(
            "**Quiz · Question 1/5**\n**What** does an index speed up?\n\n**Sources**\n[1] Databases › Indexes › B-trees\n[2] Caching\n\n-# Answered from the guide",
            message.Content);
        Assert.Null(message.Flags);
        var buttons = Assert.Single(message.Components!).Components;
        Assert.Equal(["quiz:1:0:A", "quiz:1:0:B"], buttons.Select(b => b.CustomId));
        Assert.Equal([1, 4], buttons.Select(b => b.Style));
    }

    // Splitting loses no text: the pieces hold every non-space character of the input (fences may move between pieces).
    protected override void AssertPlatformLimits(string name, string input, IReadOnlyList<MessagePayload> messages)
    {
        var rendered = string.Concat(messages.Select(m => m.Content)).Replace("```", string.Empty, StringComparison.Ordinal);
        Assert.Equal(NonSpace(input.Replace("```", string.Empty, StringComparison.Ordinal)), NonSpace(rendered));
    }

    private static string NonSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u200B'));

    // What Discord renders as a masked link: [label](http…) with a closing parenthesis.
    [GeneratedRegex(@"\[[^\[\]\n]*\]\(\s*<?https?://[^)\n]*\)", RegexOptions.NonBacktracking)]
    private static partial Regex MaskedLink();
}
