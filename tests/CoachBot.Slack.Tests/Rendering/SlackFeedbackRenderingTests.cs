namespace CoachBot.Slack.Tests.Rendering;

public sealed class SlackFeedbackRenderingTests
{
    private static readonly ReplyFeedback Feedback = new("0123456789abcdef");

    [Fact]
    public void Feedback_IsAFeedbackButtonsElementInAContextActionsBlock_AfterSourcesAndButtons()
    {
        var reply = new Reply
        {
            Text = "Start with PostgreSQL [1].",
            Sources = [new Citation("db", "Databases", ["Choosing"])],
            Buttons = [new ReplyButton("quiz:pick:x", "Quiz me")],
            Feedback = Feedback,
        };

        var message = Assert.Single(SlackReplyRenderer.Render(reply));

        Assert.Equal(["section", "context", "actions", "context_actions"], message.Blocks.Select(b => (string?)b["type"]));
        var pair = Assert.Single(FakeSlackBlocks.FeedbackButtons(message.BlocksJson()));
        Assert.Equal(("fb:up:0123456789abcdef", "fb:down:0123456789abcdef"), (pair.Positive, pair.Negative));
        var element = message.Blocks[^1]["elements"]![0]!;
        Assert.Equal("👍", (string?)element["positive_button"]!["text"]!["text"]);
        Assert.Equal("👎", (string?)element["negative_button"]!["text"]!["text"]);
        Assert.Null(FakeSlackBlocks.LimitError(message.BlocksJson(), message.Text));
    }

    [Fact]
    public void Feedback_OnALongAnswer_IsOnTheLastMessageOnly()
    {
        var reply = new Reply { Text = string.Join("\n\n", Enumerable.Repeat(new string('a', 2900), 20)), Feedback = Feedback };

        var messages = SlackReplyRenderer.Render(reply);

        Assert.True(messages.Count > 1);
        Assert.Single(messages.SelectMany(m => FakeSlackBlocks.FeedbackButtons(m.BlocksJson())));
        Assert.Single(FakeSlackBlocks.FeedbackButtons(messages[^1].BlocksJson()));
    }

    [Fact]
    public void NoFeedback_NoContextActionsBlock()
    {
        var message = Assert.Single(SlackReplyRenderer.Render(Reply.Public("Hello")));

        Assert.DoesNotContain(message.Blocks, b => (string?)b["type"] == "context_actions");
    }

    [Fact]
    public void FakeSlack_RefusesAFeedbackButtonsElementWithoutAValue()
    {
        var blocks = new JsonArray(new JsonObject
        {
            ["type"] = "context_actions",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "feedback_buttons",
                ["positive_button"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "👍" }, ["value"] = "up" },
                ["negative_button"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "👎" } },
            }),
        });

        Assert.Equal("invalid_blocks", FakeSlackBlocks.LimitError(blocks, "x"));
    }
}
