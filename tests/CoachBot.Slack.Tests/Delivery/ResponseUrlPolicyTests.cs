namespace CoachBot.Slack.Tests.Delivery;

/// <summary>A response_url is an address chosen by whoever sent the request: the bot posts only to Slack's own host.</summary>
public sealed class ResponseUrlPolicyTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    // Slack's host only, as in production: the fake's 127.0.0.1 response_urls are not on the list.
    private static readonly Dictionary<string, string?> SlackHostsOnly = new()
    {
        ["Slack:ResponseUrlHosts:0"] = SlackOptions.DefaultResponseUrlHost,
        ["Slack:AllowInsecureResponseUrls"] = "false",
    };

    [Fact]
    public async Task ResponseUrlToAnInternalAddress_IsNeverRequested_AndTheMemberGetsTheReplyThroughTheWebApi()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(SlackHostsOnly);
        var fake = harness.Fake;
        var internalAdmin = new Uri(fake.BaseUrl, "/internal/admin/" + Guid.NewGuid().ToString("N")).ToString();

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", "databases many", "U222", "C111", internalAdmin));
        var ephemeral = await fake.WaitForCallAsync("chat.postEphemeral", c => c.Ok, Guard);

        Assert.Equal("U222", ephemeral.Field("user"));
        Assert.Contains("Usage:", ephemeral.Field("text"), StringComparison.Ordinal);
        Assert.Empty(fake.OtherRequests);
        Assert.Empty(fake.ResponsePosts);
        var refused = Assert.Single(harness.Logs.Entries, e => e.Message.Contains("Refused a response_url", StringComparison.Ordinal));
        Assert.Contains(fake.BaseUrl.Authority, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/internal/admin", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseUrlOverHttp_OnAnAllowedHost_IsRefusedUnlessInsecureIsAllowed()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new Dictionary<string, string?>
        {
            ["Slack:ResponseUrlHosts:0"] = "127.0.0.1",
            ["Slack:AllowInsecureResponseUrls"] = "false",
        });
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/frobnicate", "", "U222", "C111", fake.CreateResponseUrl()));
        var ephemeral = await fake.WaitForCallAsync("chat.postEphemeral", c => c.Ok, Guard);

        Assert.Contains("/frobnicate", ephemeral.Field("text"), StringComparison.Ordinal);
        Assert.Empty(fake.ResponsePosts);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/abc", true)]
    [InlineData("https://HOOKS.SLACK.COM/actions/T1/2/abc", true)]
    [InlineData("http://hooks.slack.com/commands/T1/2/abc", false)]
    [InlineData("https://hooks.slack.com.evil.example/commands/T1", false)]
    [InlineData("https://evil.example/hooks.slack.com", false)]
    [InlineData("https://hooks.slack.com@evil.example/x", false)]
    [InlineData("https://user@hooks.slack.com/x", false)]
    [InlineData("http://127.0.0.1:18091/internal/admin", false)]
    [InlineData("not a url", false)]
    public void DefaultPolicy_AllowsOnlyHttpsOnHooksSlackCom(string url, bool allowed)
    {
        var policy = new SlackResponseUrlPolicy(Options.Create(new SlackOptions()));

        Assert.Equal(allowed, policy.Allows(url, out _));
    }

    [Fact]
    public void RefusedUrl_ReportsOnlyItsHost()
    {
        var policy = new SlackResponseUrlPolicy(Options.Create(new SlackOptions()));

        Assert.False(policy.Allows("http://127.0.0.1:18091/internal/admin/secret-token", out var host));
        Assert.Equal("http://127.0.0.1:18091", host);
    }

    [Fact]
    public void ResponseUrlHosts_WithASchemeOrPath_FailValidationNamingTheKey()
    {
        var options = new SlackOptions { BotToken = "xoxb-1", AppToken = "xapp-1" };
        options.ResponseUrlHosts.Add("https://hooks.slack.com/commands");

        var result = new SlackOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Slack:ResponseUrlHosts:0", result.FailureMessage, StringComparison.Ordinal);
    }
}
