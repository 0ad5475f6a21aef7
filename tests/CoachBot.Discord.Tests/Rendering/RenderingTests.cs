namespace CoachBot.Discord.Tests.Rendering;

public sealed class RenderingTests
{
    [Fact]
    public void Render_Ephemeral_SetsFlag64OnEveryPart()
    {
        var reply = Reply.Ephemeral(string.Join("\n\n", Enumerable.Repeat(new string('a', 900), 5)));

        var messages = DiscordReplyRenderer.Render(reply, ephemeral: true);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.Equal(64, m.Flags));
    }

    [Fact]
    public void Components_FiveButtonsPerRow_AtMostFiveRows_LabelsClipped_DuplicatesDropped()
    {
        var buttons = Enumerable.Range(0, 30).Select(i => new ReplyButton($"quiz:1:{i}", i == 0 ? new string('L', 120) : $"Choice {i}", ButtonStyle.Success)).ToList();
        buttons.Insert(1, new ReplyButton("quiz:1:0", "duplicate"));

        var rows = ComponentLayout.Build(buttons);

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(5, r.Components.Count));
        Assert.Equal(80, rows[0].Components[0].Label.Length);
        Assert.Equal("quiz:1:1", rows[0].Components[1].CustomId);
        Assert.All(rows.SelectMany(r => r.Components), b => Assert.Equal(3, b.Style));
    }

    [Theory]
    [InlineData("@everyone hi", "@\u200Beveryone hi")]
    [InlineData("Hey @EVERYONE, learn SQL", "Hey @\u200Beveryone, learn SQL")]
    [InlineData("ping @here now", "ping @\u200Bhere now")]
    [InlineData("ask <@&123456789> or <@!42> or <@80351110224678912>", "ask someone or someone or someone")]
    [InlineData("mail me at a@b.c", "mail me at a@b.c")]
    [InlineData("mail me at dev@example.com", "mail me at dev@example.com")]
    [InlineData("Slack's <!channel> and <@U0123ABC> mean nothing here", "Slack's <!channel> and <@U0123ABC> mean nothing here")]
    public void MentionGuard_NeutralisesMassAndTargetedMentions_LeavesOtherTextAlone(string input, string expected) =>
        Assert.Equal(expected, MentionGuard.Neutralise(input));

    /// <summary>Model-written answers and interview feedback reach the renderer as written: it is the wall.</summary>
    [Theory]
    [InlineData("@everyone learn SQL [1] <!channel> <@&123>")]
    [InlineData("@everyone look <@123>\n<!channel> x\n@here step")]
    public void Render_ModelTextWithPings_SendsNoLiveMention(string modelText)
    {
        var reply = new Reply { Title = "@here title", Text = modelText, Footer = "<@!42> footer", Sources = [new Citation("g", "@everyone guide", [])] };

        var message = Assert.Single(DiscordReplyRenderer.Render(reply, ephemeral: false));

        Assert.DoesNotMatch(@"@(everyone|here)|<@[!&]?\d+>", message.Content);
        Assert.Empty(message.AllowedMentions.Parse);
    }

    [Fact]
    public void Modal_RespectsDiscordLimits()
    {
        var form = new FormRequest("sub:1", new string('T', 60), [new FormField("a", "Answer", Multiline: true, MaxLength: 9000)], "fallback");

        var modal = DiscordReplyRenderer.RenderModal(form);

        Assert.Equal(45, modal.Title.Length);
        Assert.Equal(4000, modal.Components[0].Component.MaxLength);
        Assert.Equal(2, modal.Components[0].Component.Style);
    }
}
