using System.Text.RegularExpressions;
using CoachBot.Testing.Rendering;

namespace CoachBot.Slack.Tests.Rendering;

/// <summary>The renderer contract for Slack: a section's text is the limited piece, and Block Kit's own limits hold.</summary>
public sealed partial class SlackRendererContractTests() : ReplyRendererContract<SlackMessage>(SlackLimits.SectionText, SlackLink())
{
    protected override IReadOnlyList<SlackMessage> Render(Reply reply) => SlackReplyRenderer.Render(reply);

    protected override IEnumerable<string> Pieces(SlackMessage message) =>
        message.Blocks.Where(b => (string?)b["type"] == "section").Select(b => (string?)((JsonObject)b["text"]!)["text"] ?? string.Empty);

    protected override void AssertEveryPartRendered(SlackMessage message)
    {
        Assert.Equal(["header", "section", "context", "context", "actions"], message.Blocks.Select(b => (string?)b["type"]));
        Assert.Equal("*What* does an index speed up?", (string?)message.Blocks[1]["text"]!["text"]);
        Assert.Equal("Sources: [1] Databases › Indexes › B-trees · [2] Caching", (string?)message.Blocks[2]["elements"]![0]!["text"]);
        var buttons = FakeSlackBlocks.Buttons(new JsonArray([.. message.Blocks.Select(b => b.DeepClone())])).ToList();
        Assert.Equal(["quiz:1:0:A", "quiz:1:0:B"], buttons.Select(b => b.Value));
        Assert.Equal(["primary", "danger"], buttons.Select(b => b.Style));
        Assert.Null(FakeSlackBlocks.LimitError(message.BlocksJson(), message.Text));
        Assert.Contains("Quiz · Question 1/5", message.Text, StringComparison.Ordinal);
    }

    protected override void AssertPlatformLimits(string name, string input, IReadOnlyList<SlackMessage> messages)
    {
        Assert.All(messages, m => Assert.InRange(m.Blocks.Count, 1, SlackLimits.BlocksPerMessage));
        Assert.True(messages.Sum(m => m.Text.Length) > 0, name);
    }

    // A Slack link <http…|…> or <http…> (the renderer escapes every other '<').
    [GeneratedRegex(@"<https?://[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex SlackLink();
}
