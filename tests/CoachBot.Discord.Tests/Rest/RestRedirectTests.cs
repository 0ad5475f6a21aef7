namespace CoachBot.Discord.Tests.Rest;

/// <summary>The REST HttpClient as the adapter registers it never follows a redirect (with the bot token) elsewhere.</summary>
public sealed class RestRedirectTests
{
    [Fact]
    public async Task RedirectFromCreateMessage_IsNotFollowed_AndFailsTheCall()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = server.Options.Token,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
            ["Discord:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddDiscordAdapter(configuration);
        await using var provider = services.BuildServiceProvider();
        var rest = provider.GetRequiredService<DiscordRestClient>();
        server.EnqueueRedirect("POST", "/channels/123/messages");

        await Assert.ThrowsAsync<DiscordApiException>(() => rest.CreateMessageAsync("123", new MessagePayload { Content = "hello" }, CancellationToken.None));

        Assert.Contains(server.Requests, r => r.Status == 302 && r.Path.Contains("/channels/123/messages", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Requests, r => r.Path.StartsWith(FakeDiscordServer.RedirectTarget, StringComparison.Ordinal));
    }
}
