namespace CoachBot.Slack.Tests.Rendering;

public sealed class SlackReplyRendererTests
{
    [Fact]
    public void ManyButtons_AreLaidOutInRowsOfFive_WithActionIdsUniquePerBlock()
    {
        var reply = new Reply { Text = "Pick", Buttons = [.. Enumerable.Range(0, 12).Select(i => new ReplyButton("pick:" + i, "Option " + i))] };

        var message = Assert.Single(SlackReplyRenderer.Render(reply));
        var rows = message.Blocks.Where(b => (string?)b["type"] == "actions").ToList();

        Assert.Equal([5, 5, 2], rows.Select(r => ((JsonArray)r["elements"]!).Count));
        Assert.All(rows, r => Assert.Equal(((JsonArray)r["elements"]!).Count, ((JsonArray)r["elements"]!).Select(e => (string?)e!["action_id"]).Distinct().Count()));
        Assert.Equal(rows.Count, rows.Select(r => (string?)r["block_id"]).Distinct().Count());
    }

    [Fact]
    public void EveryField_IsEscaped_SoNothingPings()
    {
        var reply = new Reply
        {
            Title = "<!channel> title",
            Text = "<!here> text <script>x</script>",
            Sources = [new Citation("g", "<!everyone> guide", ["<!subteam^S1> section"])],
            Footer = "<!channel> footer",
            Buttons = [new ReplyButton("a:b", "<!here> label"), new ReplyButton("a:c", "<!channel> disabled", Disabled: true)],
        };

        var message = Assert.Single(SlackReplyRenderer.Render(reply));
        var json = message.BlocksJson().ToJsonString() + message.Text;

        foreach (var ping in new[] { "<!channel>", "<!here>", "<!everyone>", "<!subteam", "<script>" })
        {
            Assert.DoesNotContain(ping, json, StringComparison.Ordinal);
        }
    }

    /// <summary>Model-written answers and interview feedback reach the renderer as written: it is the wall.</summary>
    [Theory]
    [InlineData("@everyone learn SQL [1] <!channel> <@&123>")]
    [InlineData("@everyone look <@U123>\n<!channel> x\n@here step")]
    [InlineData("Slack group <!subteam^S123|@devs> and <!here|here> and <!everyone>")]
    public void ModelTextWithPingSyntax_IsEscaped_SoNoTokenReachesSlack(string modelText)
    {
        var message = Assert.Single(SlackReplyRenderer.Render(Reply.Public(modelText)));
        var json = message.BlocksJson().ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + message.Text;

        Assert.DoesNotContain("<!", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelTextInSlackLinkSyntax_ShowsTheAddress_AndIsNoLink()
    {
        var message = Assert.Single(SlackReplyRenderer.Render(Reply.Public("Learn SQL at <https://evil.example/x|the official course>.")));
        var section = (string)message.BlocksJson().First(b => (string?)b!["type"] == "section")!["text"]!["text"]!;

        Assert.Contains("&lt;https://evil.example/x|the official course&gt;", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example", section, StringComparison.Ordinal);
    }

    [Fact]
    public void LongText_IsSplitUnderSectionAndMessageLimits_KeepingCodeFencesBalanced()
    {
        var code = "```\n" + string.Join('\n', Enumerable.Range(0, 400).Select(i => $"var line{i} = {i} < 10 && true;")) + "\n```";
        var prose = string.Join("\n\n", Enumerable.Range(0, 200).Select(i => $"Paragraph {i} " + new string('x', 200)));
        var reply = new Reply { Title = "Big", Text = code + "\n\n" + prose, Buttons = [new ReplyButton("a:b", "Next")] };

        var messages = SlackReplyRenderer.Render(reply);

        Assert.True(messages.Count > 1);
        foreach (var message in messages)
        {
            Assert.Null(FakeSlackBlocks.LimitError(message.BlocksJson(), message.Text));
            Assert.True(message.Blocks.Count <= SlackLimits.BlocksPerMessage);
            foreach (var section in message.Blocks.Where(b => (string?)b["type"] == "section"))
            {
                var text = (string)section["text"]!["text"]!;
                Assert.True(text.Length <= SlackLimits.SectionText);
                Assert.Equal(0, CountFences(text) % 2);
            }
        }

        Assert.Equal("actions", (string?)messages[^1].Blocks[^1]["type"]);
        Assert.Equal("header", (string?)messages[0].Blocks[0]["type"]);
        Assert.Contains("Paragraph 199", string.Join('\n', messages.SelectMany(m => FakeSlackBlocks.Texts(m.BlocksJson()))), StringComparison.Ordinal);
    }

    [Fact]
    public void SplitText_NeverCutsAnEscapeSequence()
    {
        var text = string.Concat(Enumerable.Repeat("&amp;", 2000));

        var pieces = SlackReplyRenderer.SplitText(text, 3000);

        Assert.All(pieces, p => Assert.Matches("^(&amp;)+$", p));
        Assert.Equal(text.Length, pieces.Sum(p => p.Length));
    }

    [Fact]
    public void EmptyReply_RendersNothing()
    {
        Assert.Empty(SlackReplyRenderer.Render(new Reply()));
    }

    [Fact]
    public void Form_RendersAModalWithOneInputPerField()
    {
        var form = new FormRequest("interview:7", "A title that is far too long for Slack", [new FormField("answer", "Your answer", Multiline: true, MaxLength: 9000)], "fallback");

        var view = SlackReplyRenderer.RenderModal(form, "{\"c\":\"C1\"}");

        Assert.Equal("interview:7", (string?)view["callback_id"]);
        Assert.True(((string)view["title"]!["text"]!).Length <= SlackLimits.ModalTitle);
        var input = view["blocks"]![0]!;
        Assert.Equal("answer", (string?)input["block_id"]);
        Assert.Equal(3000, (int)input["element"]!["max_length"]!);
        Assert.True((bool)input["element"]!["multiline"]!);
    }

    private static int CountFences(string text)
    {
        var count = 0;
        for (var i = text.IndexOf("```", StringComparison.Ordinal); i >= 0; i = text.IndexOf("```", i + 3, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
