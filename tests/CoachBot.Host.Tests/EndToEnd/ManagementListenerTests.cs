using System.Net.Sockets;
using CoachBot.Hosting.Web;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>Http:ManagementUrls: the operator endpoints on a listener of their own, through the real host.</summary>
public sealed class ManagementListenerTests
{
    [Theory]
    [InlineData("/metrics")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task WithManagementUrls_OperatorEndpointsAnswerOnTheManagementPort_And404OnThePublicOne(string path)
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var managementPort = FreePort();
        await using var host = await RealHost.StartAsync(
            "--Discord:Token=" + discord.Options.Token,
            "--Discord:ApiBaseUrl=" + discord.ApiBaseUrl,
            "--Discord:IdentifyIntervalMs=0",
            "--Http:ManagementUrls=http://127.0.0.1:" + managementPort);
        var addresses = Addresses(host);
        var management = Assert.Single(addresses, a => a.Port == managementPort);
        var publicAddress = Assert.Single(addresses, a => a.Port != managementPort);
        using var http = new HttpClient();

        using var onManagement = await http.GetAsync(new Uri(management, path));
        using var onPublic = await http.GetAsync(new Uri(publicAddress, path));

        // /readyz may still be 503 while the gateway connects: served either way, unlike a 404.
        Assert.Contains(onManagement.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
    }

    [Fact]
    public async Task WithManagementUrls_TheManagementPortServesNothingButTheOperatorEndpoints()
    {
        const string botToken = "xoxb-management-test";
        const string signingSecret = "management-test-signing-secret";
        await using var slack = await FakeSlackServer.StartAsync(new FakeSlackOptions { BotToken = botToken, SigningSecret = signingSecret });
        var managementPort = FreePort();
        await using var host = await RealHost.StartAsync(
            "--Slack:BotToken=" + botToken,
            "--Slack:SigningSecret=" + signingSecret,
            "--Slack:Mode=Http",
            "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--Http:ManagementUrls=http://127.0.0.1:" + managementPort);
        var management = Assert.Single(Addresses(host), a => a.Port == managementPort);
        var publicAddress = Assert.Single(Addresses(host), a => a.Port != managementPort);
        using var http = new HttpClient();

        using var slackOnManagement = await http.PostAsync(new Uri(management, "/slack/events"), new StringContent("{}"));
        using var slackOnPublic = await http.PostAsync(new Uri(publicAddress, "/slack/events"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, slackOnManagement.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, slackOnPublic.StatusCode);
    }

    [Fact]
    public async Task WithoutManagementUrls_MetricsStayOnThePublicListener()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await RealHost.StartAsync(
            "--Discord:Token=" + discord.Options.Token,
            "--Discord:ApiBaseUrl=" + discord.ApiBaseUrl,
            "--Discord:IdentifyIntervalMs=0");
        using var http = new HttpClient();

        using var metrics = await http.GetAsync(new Uri(Assert.Single(Addresses(host)), "/metrics"));

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1:9090", "is not an http:// or https:// address")]
    [InlineData("http://127.0.0.1", "is not an http:// or https:// address")]
    [InlineData("http://127.0.0.1:0", "is not an http:// or https:// address")]
    [InlineData("http://127.0.0.1:70000", "is not an http:// or https:// address")]
    [InlineData("http://127.0.0.1:8080", "port 8080 is also a public listening port")]
    public void InvalidManagementUrls_StopTheStart_WithAMessageNamingTheKey(string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => CoachHostFactory.Build(
            ["--Terminal:Enabled=false", "--Http:Enabled=true", "--Http:Urls=http://0.0.0.0:8080", "--Http:ManagementUrls=" + value]));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Http:ManagementUrls: ", failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://+:9090", 9090)]
    [InlineData("https://[::1]:9443", 9443)]
    [InlineData("http://localhost:9091/", 9091)]
    public void ValidManagementUrls_AreListenedOnByPort(string value, int port)
    {
        var listener = ManagementListener.From(value, ["http://0.0.0.0:8080"]);

        Assert.Equal([port], listener!.Ports);
    }

    private static List<Uri> Addresses(RealHost host) =>
        host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();

    // A port free a moment ago: the management listener needs a fixed one (port 0 is refused by the validation).
    private static int FreePort() => Durability.BotOsProcess.FreePort();
}
