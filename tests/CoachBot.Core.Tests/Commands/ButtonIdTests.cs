namespace CoachBot.Core.Tests.Commands;

public class ButtonIdTests
{
    [Fact]
    public void Create_ThenTryParse_RoundTripsFeatureAndParts()
    {
        var raw = ButtonId.Create("quiz", "a1b2", "3", "1");

        Assert.True(ButtonId.TryParse(raw, out var id));
        Assert.Equal("quiz", id.Feature);
        Assert.Equal(["a1b2", "3", "1"], id.Parts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("quiz::1")]
    [InlineData("quiz:<@everyone>")]
    [InlineData("quiz:1 2")]
    [InlineData(":")]
    public void TryParse_MalformedId_IsRejected(string raw)
    {
        Assert.False(ButtonId.TryParse(raw, out _));
    }

    [Fact]
    public void TryParse_OverlongId_IsRejected()
    {
        Assert.False(ButtonId.TryParse("quiz:" + new string('a', 200), out _));
    }

    [Fact]
    public void Create_PartWithSeparator_Throws()
    {
        Assert.Throws<ArgumentException>(() => ButtonId.Create("quiz", "a:b"));
    }
}
