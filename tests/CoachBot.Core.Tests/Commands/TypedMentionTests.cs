using CoachBot.Core.Commands;

namespace CoachBot.Core.Tests.Commands;

public sealed class TypedMentionTests
{
    [Theory]
    [InlineData("80351110224678912", "80351110224678912")]
    [InlineData("U123", "U123")]
    [InlineData("@U123", "U123")]
    [InlineData(" @local-user ", "local-user")]
    public void TryRead_AMemberTypedAsAnId_GivesTheId(string raw, string expected)
    {
        Assert.True(TypedMention.TryRead(raw, CommandOptionType.User, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("@everyone")]
    [InlineData("@here")]
    [InlineData("channel")]
    [InlineData("<!channel>")]
    [InlineData("<!here>")]
    [InlineData("<@&123>")]
    [InlineData("<@U123|ana>")] // platform syntax is the adapter's to decode, never the core's or a feature's
    [InlineData("<@!80351110224678912>")]
    [InlineData("@@U1")]
    [InlineData("")]
    [InlineData("a b")]
    public void TryRead_GroupWordsPlatformSyntaxAndJunk_AreNoMember(string raw)
    {
        Assert.False(TypedMention.TryRead(raw, CommandOptionType.User, out _));
    }

    [Theory]
    [InlineData("#C042", "C042")]
    [InlineData("555", "555")]
    public void TryRead_AChannelTypedAsAnId_GivesTheId(string raw, string expected)
    {
        Assert.True(TypedMention.TryRead(raw, CommandOptionType.Channel, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("<#C042|challenges>")]
    [InlineData("#general chat")]
    public void TryRead_ChannelSyntaxOrJunk_IsNoChannel(string raw)
    {
        Assert.False(TypedMention.TryRead(raw, CommandOptionType.Channel, out _));
    }

    [Fact]
    public void TryRead_ATextOption_IsNeverAnId()
    {
        Assert.False(TypedMention.TryRead("U123", CommandOptionType.Text, out _));
    }
}
