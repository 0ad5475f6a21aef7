namespace CoachBot.Core.Tests.Safety;

public class InputTextTests
{
    [Theory]
    [InlineData("  hello   world  ", "hello world")]
    [InlineData("zero\u200Bwidth\u200Djoin", "zerowidthjoin")]
    [InlineData("right\u202Eto\u202Cleft", "righttoleft")]
    [InlineData("tab\tand\rreturn", "tab and return")]
    [InlineData("\u0000null\u0007bell", "nullbell")]
    public void Clean_RemovesInvisibleCharactersAndFoldsSpaces(string input, string expected)
    {
        Assert.Equal(expected, InputText.Clean(input));
    }

    [Fact]
    public void Clean_KeepsLineBreaksButCollapsesBlankRuns()
    {
        Assert.Equal("line one\nline two\n\nline three", InputText.Clean("line one  \nline two\n\n\n\n\nline three"));
    }

    [Fact]
    public void Clean_LoneSurrogates_AreDroppedAndPairsKept_InsteadOfThrowing()
    {
        // Built in code: attribute arguments are stored as UTF-8, which would turn a lone surrogate into U+FFFD.
        (string Input, string Expected)[] cases =
        [
            ("\uD800", string.Empty),
            ("what is sql\uDC00?", "what is sql?"),
            ("abc\uD83Dxyz", "abcxyz"),
            ("\uDE00abc\uDBFF", "abc"),
            ("ok \uD83D\uDE00 \uD83D", "ok \uD83D\uDE00"),
        ];

        Assert.All(cases, c => Assert.Equal(c.Expected, InputText.Clean(c.Input)));
    }

    [Fact]
    public void Clean_Null_IsEmpty()
    {
        Assert.Equal(string.Empty, InputText.Clean(null));
    }

    [Fact]
    public void Truncate_DoesNotSplitASurrogatePair()
    {
        var text = "ab😀cd";

        Assert.Equal("ab", InputText.Truncate(text, 3));
    }
}
