namespace CoachBot.Coaching.Tests.Challenges;

/// <summary>Typed commands (terminal, Slack) go through Core's TextCommandParser with the challenge definition.</summary>
public sealed class ChallengeCommandParsingTests
{
    private static readonly CommandCatalog Catalog = new([new ChallengeCommand([])]);
    private static readonly CommandContext Slack = ChallengeTestBot.Context(ChatPlatform.Slack, "U1", isModerator: true);

    [Fact]
    public void Definition_MarksExactlyPostScheduleCloseAndWinnersAsModeratorOnly()
    {
        var definition = ChallengeCommandDefinition.Create();

        var moderatorOnly = definition.Subcommands.Where(s => s.ModeratorOnly).Select(s => s.Name).Order();

        Assert.Equal(["close", "post", "schedule", "winners"], moderatorOnly);
        Assert.False(definition.ModeratorOnly);
        Assert.Equal(7, definition.Subcommands.Count);
    }

    [Fact]
    public void Parse_PostFromBank_ReadsTheNamedOption()
    {
        var request = Parse("/challenge post from:bank");

        Assert.Equal("post", request.Subcommand);
        Assert.Equal("bank", request.Option("from"));
        Assert.Null(request.Option("title"));
    }

    [Fact]
    public void Parse_PostWithQuotedTitleBriefAndDue_FillsThemInOrder()
    {
        var request = Parse("/challenge post \"Design a URL shortener\" \"Sketch the API and the schema\" 5d");

        Assert.Equal("Design a URL shortener", request.Option("title"));
        Assert.Equal("Sketch the API and the schema", request.Option("brief"));
        Assert.Equal("5d", request.Option("due"));
    }

    [Fact]
    public void Parse_SubmitText_TakesTheWholeRestOfTheLine()
    {
        var request = Parse("/challenge submit I used a token bucket: https://example.com/x  per key");

        Assert.Equal("submit", request.Subcommand);
        Assert.Equal("I used a token bucket: https://example.com/x  per key", request.Option("text"));
    }

    [Fact]
    public void Parse_ScheduleWithAChannel_ReadsEveryOption()
    {
        var request = Parse("/challenge schedule monday 09:00 Europe/Berlin #C042");

        Assert.Equal("monday", request.Option("day"));
        Assert.Equal("09:00", request.Option("time"));
        Assert.Equal("Europe/Berlin", request.Option("timezone"));
        Assert.Equal("C042", request.MentionedId("channel"));
    }

    [Fact]
    public void Parse_ScheduleOff_NeedsNothingElse()
    {
        Assert.Equal("off", Parse("/challenge schedule off").Option("day"));
    }

    [Fact]
    public void Parse_Winners_FillsOneOptionPerMember()
    {
        var request = Parse("/challenge winners U1 @U2");

        Assert.Equal("U1", request.Option("user"));
        Assert.Equal("@U2", request.Option("user2"));
        Assert.Equal(("U1", "U2"), (request.MentionedId("user"), request.MentionedId("user2")));
    }

    [Fact]
    public void Parse_WinnersWithAMassMention_GivesNoMemberId()
    {
        var request = Parse("/challenge winners @everyone");

        Assert.Equal("@everyone", request.Option("user"));
        Assert.Null(request.MentionedId("user"));
    }

    private static CommandRequest Parse(string line)
    {
        var result = TextCommandParser.ParseLine(Slack, Catalog, line);
        Assert.Null(result.Error);
        return result.Request!;
    }
}
