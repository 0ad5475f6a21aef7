using CoachBot.Core.Commands;

namespace CoachBot.Discord.Tests.Rendering;

public sealed class DiscordFeedbackRenderingTests
{
    private static readonly ReplyFeedback Feedback = new("0123456789abcdef");

    [Fact]
    public void Feedback_IsARowOfItsOwn_UnderTheReplysButtons_WithFeedbackCustomIds()
    {
        var reply = new Reply { Text = "Start with PostgreSQL.", Buttons = [new ReplyButton("quiz:pick:x", "Quiz me")], Feedback = Feedback };

        var message = Assert.Single(DiscordReplyRenderer.Render(reply, ephemeral: false));

        var rows = Assert.IsAssignableFrom<IReadOnlyList<Models.ActionRowComponent>>(message.Components);
        Assert.Equal(2, rows.Count);
        var row = rows[^1].Components;
        Assert.Equal(["fb:up:0123456789abcdef", "fb:down:0123456789abcdef"], row.Select(b => b.CustomId));
        Assert.Equal(["👍", "👎"], row.Select(b => b.Label));
        Assert.All(row, b => Assert.True(ButtonId.TryParse(b.CustomId, out _)));
    }

    [Fact]
    public void Feedback_OnALongAnswer_IsOnTheLastMessageOnly()
    {
        var reply = new Reply { Text = string.Join("\n\n", Enumerable.Repeat(new string('a', 1500), 4)), Feedback = Feedback };

        var messages = DiscordReplyRenderer.Render(reply, ephemeral: false);

        Assert.True(messages.Count > 1);
        Assert.All(messages.SkipLast(1), m => Assert.Empty(m.Components ?? []));
        Assert.Single(messages[^1].Components ?? []);
    }

    [Fact]
    public void Feedback_WhenFiveRowsAreTaken_IsLeftOutRatherThanBreakingTheMessage()
    {
        var buttons = Enumerable.Range(0, 25).Select(i => new ReplyButton("quiz:1:" + i, "Choice " + i)).ToList();

        var message = Assert.Single(DiscordReplyRenderer.Render(new Reply { Text = "Pick", Buttons = buttons, Feedback = Feedback }, ephemeral: false));

        var rows = Assert.IsAssignableFrom<IReadOnlyList<Models.ActionRowComponent>>(message.Components);
        Assert.Equal(ComponentLayout.MaxRows, rows.Count);
        Assert.DoesNotContain(rows.SelectMany(r => r.Components), b => b.CustomId.StartsWith("fb:", StringComparison.Ordinal));
    }
}
