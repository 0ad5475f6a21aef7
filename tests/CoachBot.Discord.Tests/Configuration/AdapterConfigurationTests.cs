namespace CoachBot.Discord.Tests.Configuration;

public sealed class AdapterConfigurationTests
{
    [Fact]
    public async Task NoToken_AdapterStaysOff_AndSaysSoOnce()
    {
        using var logs = new CapturingLoggerProvider();
        using var host = BuildHost(new Dictionary<string, string?>(), logs);

        await host.StartAsync();
        await host.StopAsync();

        Assert.Null(host.Services.GetService<DiscordAdapterService>());
        Assert.DoesNotContain(host.Services.GetServices<IChannelMessenger>(), m => m.Platform == CoachBot.Core.Conversations.ChatPlatform.Discord);
        Assert.Single(logs.Entries, e => e.Message.Contains("Discord adapter is off", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Discord:ApiBaseUrl", "not a url", "Discord:ApiBaseUrl")]
    [InlineData("Discord:ShardIds:0", "1", "Discord:ShardCount")]
    [InlineData("Discord:GuildIds:0", "my-guild", "Discord:GuildIds")]
    [InlineData("Discord:ThreadAutoArchiveMinutes", "30", "Discord:ThreadAutoArchiveMinutes")]
    [InlineData("Discord:MaxRequestsPerSecond", "500", "MaxRequestsPerSecond")]
    public async Task BadConfiguration_FailsAtStartUp_NamingTheKey(string key, string value, string named)
    {
        using var logs = new CapturingLoggerProvider();
        using var host = BuildHost(new Dictionary<string, string?> { ["Discord:Token"] = "abc.def.SECRETTOKEN", [key] = value }, logs);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETTOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenNeverAppearsInLogs_AcrossConnectCommandsMessagesReconnectsAndRateLimits()
    {
        await using var test = await DiscordTestHost.StartAsync();
        test.Server.EnqueueRateLimit("POST", "/messages", 0.05);

        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("hello"));
        await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("help"));
        await test.Server.SendInteractionAsync(FakeDiscordEvents.ButtonClick("quiz:nope:a"));
        await test.Server.WaitUntilAsync(() => test.Server.RequestsTo("PATCH", "/webhooks/").Count == 1 && test.Server.RequestsTo("POST", "/webhooks/").Count == 1 && test.Server.RequestsTo("POST", "/messages").Count(r => r.Status == 200) == 1, "answers");
        await test.Server.SendReconnectAsync();
        await test.Server.WaitUntilAsync(() => test.Server.ResumeCount == 1, "the resume");

        Assert.NotEmpty(test.Logs.Entries);
        Assert.DoesNotContain(test.Server.Options.Token, test.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("interaction-token-", test.Logs.AllText, StringComparison.Ordinal);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, CapturingLoggerProvider logs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddCoachCore();
        builder.Services.AddDiscordAdapter(builder.Configuration);
        return builder.Build();
    }
}
