namespace CoachBot.Slack.Tests.Inbound;

public sealed class SlackCommandDecoderTests
{
    private static readonly CommandCatalog Catalog = new([
        new Command(new CommandDefinition("challenge", "Challenges")
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
        new Command(new CommandDefinition("ask", "Ask") { Options = [new CommandOption("question", "Q") { Required = true, TakesRest = true }] }),
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

    private sealed class Command(CommandDefinition definition) : ICommandHandler
    {
        public CommandDefinition Definition { get; } = definition;

        public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(Reply.One(Reply.Public("ok")));
    }
}
