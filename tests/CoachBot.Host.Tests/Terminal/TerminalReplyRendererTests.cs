namespace CoachBot.Host.Tests.Terminal;

public sealed class TerminalReplyRendererTests
{
    private static readonly Citation Cited = new("databases", "Relational databases", ["Indexes"]);

    [Fact]
    public void Sources_PrintUnderTheTextBeforeTheFirstRule_NotUnderTheNextPartsButtons()
    {
        var reply = new Reply
        {
            Text = "Right! Indexes speed up reads.\n\n---\n\nWhat does a foreign key enforce?",
            Sources = [Cited],
            Buttons = [new ReplyButton("quiz:s:1:0", "A. Referential integrity")],
        };

        var lines = TerminalReplyRenderer.Render(reply).ReplaceLineEndings("\n").Split('\n');

        Assert.Equal(
            ["Right! Indexes speed up reads.", "Sources:", "  [1] " + Cited.Display, "---", "What does a foreign key enforce?", "  1) A. Referential integrity"],
            lines);
    }

    [Fact]
    public void WithoutARule_SourcesFollowTheText_AndPrecedeTheButtons()
    {
        var reply = new Reply { Text = "An answer.", Sources = [Cited], Buttons = [new ReplyButton("x:1", "More")] };

        var lines = TerminalReplyRenderer.Render(reply).ReplaceLineEndings("\n").Split('\n');

        Assert.Equal(["An answer.", "Sources:", "  [1] " + Cited.Display, "  1) More"], lines);
    }
}
