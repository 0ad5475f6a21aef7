using CoachBot.Core.Platforms;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Core.Tests.Platforms;

public sealed class PlatformSelectionTests
{
    private static PlatformSelection From(params (string Key, string Value)[] settings) =>
        PlatformSelection.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void From_NoToken_OpensOnlyTheTerminal()
    {
        Assert.Equal(new PlatformSelection(Discord: false, Slack: false, Terminal: true), From());
    }

    [Fact]
    public void From_Tokens_TurnTheirPlatformsOn_AndTheTerminalOff()
    {
        var platforms = From(("Discord:Token", "t"), ("Slack:BotToken", "xoxb-1"));

        Assert.Equal((true, true, false), (platforms.Discord, platforms.Slack, platforms.Terminal));
        Assert.True(platforms.SlackOverSocketMode);
        Assert.False(platforms.SlackOverHttp);
    }

    [Fact]
    public void From_TerminalEnabled_WinsOverTheDefault()
    {
        Assert.True(From(("Discord:Token", "t"), ("Terminal:Enabled", "true")).Terminal);
        Assert.False(From(("Terminal:Enabled", "false")).Terminal);
    }

    [Theory]
    [InlineData("Http", SlackMode.Http)]
    [InlineData("http", SlackMode.Http)]
    [InlineData("SocketMode", SlackMode.SocketMode)]
    [InlineData("Socket", SlackMode.SocketMode)]
    [InlineData("carrier-pigeon", SlackMode.SocketMode)]
    [InlineData("7", SlackMode.SocketMode)]
    public void From_SlackMode_IsReadOnceAsTheEnum_AndAnythingElseCountsAsTheDefault(string value, SlackMode expected)
    {
        var platforms = From(("Slack:BotToken", "xoxb-1"), ("Slack:Mode", value));

        Assert.Equal(expected, platforms.SlackMode);
        Assert.Equal(expected == SlackMode.Http, platforms.SlackOverHttp);
    }

    [Fact]
    public void SlackOverHttp_WithoutASlackToken_IsFalse()
    {
        Assert.False(From(("Slack:Mode", "Http")).SlackOverHttp);
    }
}
