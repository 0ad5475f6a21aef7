namespace CoachBot.Slack.Tests.Inbound;

public sealed class SlackCommandDecoderTests
{
    private static readonly CommandCatalog Catalog = new([
        new FixedReplyCommand(new CommandDefinition("challenge", "Challenges")
        {
            Subcommands =
            [
                new CommandDefinition("winners", "Winners")
                {
                    Options =
                    [
                        new CommandOption("user", "Winner", CommandOptionType.User) { Required = true },
                        new CommandOption("user2", "Another", CommandOptionType.User),
                    ],
                },
                new CommandDefinition("schedule", "Schedule")
                {
                    Options = [new CommandOption("day", "Day") { Required = true }, new CommandOption("channel", "Where", CommandOptionType.Channel)],
                },
            ],
        }),
        new FixedReplyCommand(new CommandDefinition("remind", "Remind")
        {
            Subcommands = [new CommandDefinition("on", "On") { Options = [new CommandOption("day", "Day"), new CommandOption("time", "Time")] }, new CommandDefinition("off", "Off")],
        }),
        new FixedReplyCommand(new CommandDefinition("help", "Help") { Options = [new CommandOption("command", "A command")] }),
        new FixedReplyCommand(new CommandDefinition("ask", "Ask") { Options = [new CommandOption("question", "Q") { Required = true, TakesRest = true }] }),
    ]);

    private static readonly CommandContext Context = new()
    {
        User = new UserIdentity(ChatPlatform.Slack, "U9", "mod"),
        Conversation = new ConversationKey(ChatPlatform.Slack, "T1", "C1"),
    };

    [Fact]
    public void EscapedMentions_FillingMemberOptions_BecomeUserIds()
    {
        var request = SlackCommandDecoder.Parse(Context, Catalog, "/challenge", "winners <@U1> <@U2ABC|bo>").Request!;

        Assert.Equal("U1", request.Option("user"));
        Assert.Equal("U2ABC", request.Option("user2"));
        Assert.Equal(("U1", "U2ABC"), (request.MentionedId("user"), request.MentionedId("user2")));
    }

    [Fact]
    public void ChannelLink_FillingAChannelOption_BecomesTheChannelId()
    {
        var request = SlackCommandDecoder.Parse(Context, Catalog, "/challenge", "schedule monday <#C042|challenges>").Request!;

        Assert.Equal("C042", request.Option("channel"));
        Assert.Equal("C042", request.MentionedId("channel"));
    }

    [Fact]
    public void MentionsInFreeText_ReadAsDisplayNames()
    {
        var request = SlackCommandDecoder.Parse(Context, Catalog, "/ask", "did <@U1|ana> post in <#C042|challenges> &amp; why?").Request!;

        Assert.Equal("did @ana post in #challenges & why?", request.Option("question"));
    }

    [Theory]
    [InlineData("winners @bo", "must be a member")]
    [InlineData("winners <#C042|challenges>", "must be a member")]
    [InlineData("schedule monday #challenges", "must be a channel")]
    [InlineData("schedule monday <@U1|ana>", "must be a channel")]
    public void PlainOrWrongKindOfToken_ForAMemberOrChannelOption_IsAnsweredWithAHint(string text, string hint)
    {
        var result = SlackCommandDecoder.Parse(Context, Catalog, "/challenge", text);

        Assert.Null(result.Request);
        Assert.Contains(hint, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/coach-remind", "on daily 18:30", "remind")]
    [InlineData("/remind", "off", "remind")]
    [InlineData("/coach-help", "", "help")]
    public void SlackNameOfARenamedCommand_ReadsAsTheCoresCommand(string command, string text, string expected)
    {
        var request = SlackCommandDecoder.Parse(Context, Catalog, command, text).Request!;

        Assert.Equal(expected, request.Command);
    }

    [Theory]
    [InlineData("coach-remind")]
    [InlineData("/coach-remind")]
    [InlineData("remind")]
    public void HelpAskedAboutARenamedCommand_ByItsSlackName_AsksAboutTheCoresCommand(string asked)
    {
        var request = SlackCommandDecoder.Parse(Context, Catalog, "/coach-help", asked).Request!;

        Assert.Equal(("help", "remind"), (request.Command, request.Option("command")));
    }
}
