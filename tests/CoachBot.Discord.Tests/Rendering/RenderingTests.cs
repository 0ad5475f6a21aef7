namespace CoachBot.Discord.Tests.Rendering;

public sealed class RenderingTests
{
    [Fact]
    public void Render_TitleTextSourcesFooter_InOneMessage()
    {
        var reply = new Reply
        {
            Title = "Caching",
            Text = "Use a **cache** for hot reads.",
            Sources = [new Citation("perf", "Performance", ["Caching"]), new Citation("perf", "Performance", ["Caching"]), new Citation("db", "Databases", [])],
            Footer = "Answered offline",
        };

        var message = Assert.Single(DiscordReplyRenderer.Render(reply, ephemeral: false));

        Assert.Equal("**Caching**\nUse a **cache** for hot reads.\n\n**Sources**\n[1] Performance › Caching\n[2] Databases\n\n-# Answered offline", message.Content);
        Assert.Null(message.Flags);
    }

    [Fact]
    public void Render_Ephemeral_SetsFlag64OnEveryPart()
    {
        var reply = Reply.Ephemeral(string.Join("\n\n", Enumerable.Repeat(new string('a', 900), 5)));

        var messages = DiscordReplyRenderer.Render(reply, ephemeral: true);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.Equal(64, m.Flags));
    }

    [Fact]
    public void Split_PrefersParagraphs_AndKeepsEveryPartUnderTheLimit()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"P{i} " + new string('x', 400)).ToList();

        var parts = MessageSplitter.Split(string.Join("\n\n", paragraphs));

        Assert.All(parts, p => Assert.True(p.Length <= MessageSplitter.MaxLength));
        Assert.All(parts, p => Assert.StartsWith("P", p, StringComparison.Ordinal));
        Assert.Equal(paragraphs, parts.SelectMany(p => p.Split("\n\n")));
    }

    [Fact]
    public void Split_ACodeBlockCutInTwo_IsClosedAndReopened()
    {
        var code = "```csharp\n" + string.Join('\n', Enumerable.Range(1, 200).Select(i => $"var x{i} = {i};")) + "\n```";

        var parts = MessageSplitter.Split(code);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.Equal(0, CountFences(p) % 2));
        Assert.All(parts, p => Assert.True(p.Length <= MessageSplitter.MaxLength));
    }

    [Fact]
    public void Split_TextWithoutBreaks_IsCutHard()
    {
        var parts = MessageSplitter.Split(new string('y', 4500));

        Assert.Equal([1996, 1996, 508], parts.Select(p => p.Length));
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
    [InlineData("ping @here now", "ping @\u200Bhere now")]
    [InlineData("mail me at a@b.c", "mail me at a@b.c")]
    public void MentionGuard_NeutralisesMassMentionsOnly(string input, string expected) =>
        Assert.Equal(expected, MentionGuard.Neutralise(input));

    [Fact]
    public void Modal_RespectsDiscordLimits()
    {
        var form = new FormRequest("sub:1", new string('T', 60), [new FormField("a", "Answer", Multiline: true, MaxLength: 9000)], "fallback");

        var modal = DiscordReplyRenderer.RenderModal(form);

        Assert.Equal(45, modal.Title.Length);
        Assert.Equal(4000, modal.Components[0].Component.MaxLength);
        Assert.Equal(2, modal.Components[0].Component.Style);
    }

    private static int CountFences(string text) => (text.Length - text.Replace("```", string.Empty, StringComparison.Ordinal).Length) / 3;
}
