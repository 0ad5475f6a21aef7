using CoachBot.Core.Platforms;

namespace CoachBot.Slack.Tests.Configuration;

public sealed class SlackOptionsTests
{
    [Fact]
    public void NoBotToken_RegistersNothing_TheAdapterStaysOff()
    {
        var services = new ServiceCollection();

        services.AddSlackAdapter(Config(new()));

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IChannelMessenger));
    }

    [Fact]
    public void SocketProcessesTimesConnectionsOverSlacksTen_FailsNamingBothKeys()
    {
        var error = Validate(new() { ["Slack:BotToken"] = "xoxb-1", ["Slack:AppToken"] = "xapp-1", ["Slack:SocketProcesses"] = "3", ["Slack:SocketConnections"] = "4" });

        Assert.Contains("Slack:SocketProcesses (3) × Slack:SocketConnections (4) must be at most 10", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SocketModeWithoutAppToken_FailsNamingTheKey()
    {
        var error = Validate(new() { ["Slack:BotToken"] = "xoxb-1" });

        Assert.Contains("Slack:AppToken is required when Slack:Mode is SocketMode", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxp-user-token", "Slack:BotToken must be a bot token starting with xoxb-")]
    [InlineData("Slack:AppToken", "xoxb-not-app", "Slack:AppToken must be an app-level token starting with xapp-")]
    [InlineData("Slack:ApiBaseUrl", "not a url", "Slack:ApiBaseUrl must be an absolute http(s) URL")]
    public void WrongValues_FailNamingTheKey_WithoutEchoingSecrets(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Slack:BotToken"] = "xoxb-1", ["Slack:AppToken"] = "xapp-1", [key] = value };

        var error = Validate(settings);

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain(value.StartsWith("xo", StringComparison.Ordinal) ? value : "\u0000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpModeWithoutSigningSecret_FailsNamingTheKey()
    {
        var error = Validate(new() { ["Slack:BotToken"] = "xoxb-1", ["Slack:Mode"] = "Http" });

        Assert.Contains("Slack:SigningSecret is required when Slack:Mode is Http", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Socket")]
    [InlineData("SocketMode")]
    [InlineData("socketmode")]
    public void SocketModeAliases_AreAccepted_AndRegisterTheSocketModeClient(string mode)
    {
        var settings = new Dictionary<string, string?> { ["Slack:BotToken"] = "xoxb-1", ["Slack:AppToken"] = "xapp-1", ["Slack:Mode"] = mode };
        var services = new ServiceCollection().AddLogging().AddCoachCore();
        var configuration = Config(settings);
        services.AddSingleton(configuration);

        services.AddSlackAdapter(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(SlackMode.SocketMode, provider.GetRequiredService<IOptions<SlackOptions>>().Value.Mode);
        Assert.Contains(services, d => d.ServiceType == typeof(SlackSocketModeClient));
    }

    [Fact]
    public void HttpMode_DoesNotStartASocketModeClient()
    {
        var services = new ServiceCollection();

        services.AddSlackAdapter(Config(new() { ["Slack:BotToken"] = "xoxb-1", ["Slack:SigningSecret"] = "s", ["Slack:Mode"] = "Http" }));

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(SlackSocketModeClient));
    }

    [Fact]
    public void ToString_NeverShowsSecrets()
    {
        var options = new SlackOptions { BotToken = "xoxb-secret-1", AppToken = "xapp-secret-2", SigningSecret = "secret-3" };

        var text = options.ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    private static string Validate(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging().AddCoachCore();
        var configuration = Config(settings);
        services.AddSingleton(configuration);
        services.AddSlackAdapter(configuration);
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlackOptions>>().Value);
        return error.Message;
    }

    private static IConfiguration Config(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return configuration;
    }
}
