using CoachBot.Slack.Commands;

namespace CoachBot.Slack.Tests.Commands;

public sealed class SlackCommandMentionsTests
{
    private static readonly HashSet<string> Renamed = new(["remind", "feedback", "help"], StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("Reminders are off. `/remind on` brings them back.", "Reminders are off. `/coach-remind on` brings them back.")]
    [InlineData("Type /help to see what I can do.", "Type /coach-help to see what I can do.")]
    [InlineData("/feedback report", "/coach-feedback report")]
    [InlineData("(or `/feedback down <note>`), then /help.", "(or `/coach-feedback down <note>`), then /coach-help.")]
    [InlineData("- `/remind on [day] [time] [timezone] | off`: reminders", "- `/coach-remind on [day] [time] [timezone] | off`: reminders")]
    public void CommandMentions_ShowTheSlackName(string core, string slack) =>
        Assert.Equal(slack, SlackCommandMentions.Rewrite(core, Renamed));

    [Theory]
    [InlineData("See https://example.com/help for more.")]
    [InlineData("Put it under src/remind or a/help.")]
    [InlineData("The /helpers module and /remind-me.")]
    [InlineData("GET /help/faq returns the page.")]
    [InlineData("Try `/quiz databases` or /status.")]
    [InlineData("/coach-remind off stops them.")]
    public void OtherSlashes_AreLeftAlone(string text) =>
        Assert.Equal(text, SlackCommandMentions.Rewrite(text, Renamed));

    [Fact]
    public void FencedCodeBlocks_AreLeftAlone_ButTextAfterThemIsRewritten()
    {
        var text = "Route:\n```http\nPOST /feedback\n```\nRate this with /feedback up.";

        Assert.Equal("Route:\n```http\nPOST /feedback\n```\nRate this with /coach-feedback up.", SlackCommandMentions.Rewrite(text, Renamed));
    }

    [Fact]
    public void InReply_RewritesTextTitleFooterButtonsAndFormFallback_ForTheCatalogsRenamedCommandsOnly()
    {
        var catalog = new CommandCatalog([new FixedReplyCommand(new CommandDefinition("remind", "Remind")), new FixedReplyCommand(new CommandDefinition("quiz", "Quiz"))]);
        var mentions = new SlackCommandMentions(new Lazy<CommandCatalog>(catalog));
        var reply = new Reply
        {
            Title = "About /remind",
            Text = "`/remind off` stops them; /help and /status are not the coach's here.",
            Footer = "_/remind on_ brings them back",
            Buttons = [new ReplyButton("b1", "/remind off")],
            Form = new FormRequest("f", "Form", [], "Or type `/remind on`."),
        };

        var shown = mentions.InReply(reply);

        Assert.Equal(["remind"], mentions.Renamed);
        Assert.Equal("About /coach-remind", shown.Title);
        Assert.Equal("`/coach-remind off` stops them; /help and /status are not the coach's here.", shown.Text);
        Assert.Equal("_/coach-remind on_ brings them back", shown.Footer);
        Assert.Equal("/coach-remind off", shown.Buttons[0].Label);
        Assert.Equal("Or type `/coach-remind on`.", shown.Form!.FallbackText);
    }
}
