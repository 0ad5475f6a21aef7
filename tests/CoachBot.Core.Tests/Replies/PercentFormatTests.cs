using CoachBot.Core.Replies.Formatting;

namespace CoachBot.Core.Tests.Replies;

public class PercentFormatTests
{
    [Theory]
    [InlineData(2, 3, "67%")]
    [InlineData(1, 3, "33%")]
    [InlineData(1, 8, "13%")] // 12.5: halves round away from zero, not to even
    [InlineData(5, 8, "63%")] // 62.5
    [InlineData(1, 200, "1%")] // 0.5
    [InlineData(0, 5, "0%")]
    [InlineData(5, 5, "100%")]
    [InlineData(0, 0, "0%")]
    public void Of_RoundsToTheNearestWholePercent_HalvesAwayFromZero(int part, int whole, string expected)
    {
        Assert.Equal(expected, PercentFormat.Of(part, whole));
    }
}
