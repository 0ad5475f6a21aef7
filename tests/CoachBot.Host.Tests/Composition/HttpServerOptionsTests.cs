using CoachBot.Core.Platforms;
using CoachBot.Hosting.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests.Composition;

public sealed class HttpServerOptionsTests
{
    [Fact]
    public void From_BindsTheHttpSection()
    {
        var options = HttpServerOptions.From(Config(("Http:Enabled", "false"), ("Http:Urls", "http://0.0.0.0:8080"), ("Http:ManagementUrls", "http://127.0.0.1:9090")));

        Assert.False(options.Enabled);
        Assert.Equal("http://0.0.0.0:8080", options.Urls);
        Assert.Equal("http://127.0.0.1:9090", options.ManagementUrls);
    }

    [Fact]
    public void From_EnabledThatIsNotABoolean_FailsNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => HttpServerOptions.From(Config(("Http:Enabled", "yes"))));

        Assert.Contains("Http:Enabled", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void WebServer_IsNeededForHttpUrlsAlone_AndHttpEnabledFalseTurnsItOffForDiscord()
    {
        Assert.True(IsNeeded(Config(("Terminal:Enabled", "true"), ("Http:Urls", "http://127.0.0.1:0"))));
        Assert.False(IsNeeded(Config(("Terminal:Enabled", "true"))));
        Assert.False(IsNeeded(Config(("Discord:Token", "t"), ("Http:Enabled", "false"))));
    }

    private static bool IsNeeded(IConfiguration configuration) =>
        WebServerSelection.IsNeeded(configuration, PlatformSelection.From(configuration));

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
