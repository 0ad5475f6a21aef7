namespace CoachBot.Core.Tests.Commands;

public class TextCommandParserTests
{
    private readonly CoachBot.Core.Dispatch.CommandCatalog _catalog = TestCatalog.Catalog(
        new RecordingCommand(TestCatalog.Quiz), new RecordingCommand(TestCatalog.Ask), new RecordingCommand(TestCatalog.Challenge));

    [Fact]
    public void ParseLine_PositionalArguments_FillOptionsInOrder()
    {
        var result = TextCommandParser.ParseLine(TestCatalog.Context(), _catalog, "/quiz databases 5 hard");

        Assert.Null(result.Error);
        Assert.Equal("quiz", result.Request!.Command);
        Assert.Equal("databases", result.Request.Option("skill"));
        Assert.Equal(5, result.Request.IntOption("questions"));
        Assert.Equal("hard", result.Request.Option("difficulty"));
    }

    [Fact]
    public void ParseLine_NamedArguments_CanComeInAnyOrder()
    {
        var result = TextCommandParser.ParseLine(TestCatalog.Context(), _catalog, "/quiz difficulty:easy skill:\"system design\"");

        Assert.Null(result.Error);
        Assert.Equal("system design", result.Request!.Option("skill"));
        Assert.Equal("easy", result.Request.Option("difficulty"));
        Assert.Null(result.Request.Option("questions"));
    }

    [Fact]
    public void ParseLine_RestOption_TakesTheWholeRemainingText()
    {
        var result = TextCommandParser.ParseLine(TestCatalog.Context(), _catalog, "/ask how do I  get my first job: any tips?");

        Assert.Equal("how do I  get my first job: any tips?", result.Request!.Option("question"));
    }

    [Fact]
    public void ParseLine_MissingRequiredOption_ReturnsUsage()
    {
        var result = TextCommandParser.ParseLine(TestCatalog.Context(), _catalog, "/ask");

        Assert.Null(result.Request);
        Assert.Contains("Missing `question`", result.Error, StringComparison.Ordinal);
        Assert.Contains("/ask <question>", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/quiz databases eleven", "whole number")]
    [InlineData("/quiz databases 50", "between 3 and 10")]
    [InlineData("/quiz databases 5 impossible", "must be one of: easy, medium, hard")]
    [InlineData("/quiz a 5 easy extra", "Too many arguments")]
    public void ParseLine_InvalidValue_ExplainsWhatIsWrong(string line, string expected)
    {
        var result = TextCommandParser.ParseLine(TestCatalog.Context(), _catalog, line);

        Assert.Null(result.Request);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLine_Subcommand_IsRecognisedAndItsOptionsParsed()
    {
        var result = TextCommandParser.ParseLine(TestCatalog.Context(), _catalog, "/challenge submit https://github.com/me/limiter and notes");

        Assert.Equal("submit", result.Request!.Subcommand);
        Assert.Equal("https://github.com/me/limiter and notes", result.Request.Option("entry"));
    }

    [Fact]
    public void ParseLine_UnknownSubcommand_ListsTheValidOnes()
    {
        var result = TextCommandParser.ParseLine(TestCatalog.Context(), _catalog, "/challenge explode");

        Assert.Null(result.Request);
        Assert.Contains("/challenge submit <entry>", result.Error, StringComparison.Ordinal);
        Assert.Contains("/challenge current", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLine_UnknownCommand_IsPassedOnForTheDispatcherToAnswer()
    {
        var result = TextCommandParser.ParseLine(TestCatalog.Context(), _catalog, "/dance now");

        Assert.Equal("dance", result.Request!.Command);
    }

    [Theory]
    [InlineData("/quiz \"unterminated")]
    [InlineData("/quiz skill:")]
    [InlineData("/quiz ::: \"\" \"")]
    [InlineData("/")]
    public void ParseLine_MalformedText_NeverThrows(string line)
    {
        var result = TextCommandParser.ParseLine(TestCatalog.Context(), _catalog, line);

        Assert.True(result.Request is not null || result.Error is not null);
    }
}
