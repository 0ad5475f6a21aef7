using CoachBot.Testing.FakeDiscord;

namespace CoachBot.Discord.Tests.Outbound;

/// <summary>Direct messages (review reminders) through the fake Discord REST API: open the DM channel, post into it.</summary>
public sealed class DirectMessengerTests
{
    [Fact]
    public async Task SendAsync_OpensTheDirectMessageChannelAndPostsThere_NeverInAGuildChannel()
    {
        await using var test = await DiscordTestHost.StartAsync(waitForSession: false);
        var messengers = test.Host.Services.GetRequiredService<DirectMessengers>();

        var outcome = await messengers.SendAsync(ChatPlatform.Discord, "123456789", Reply.Public("You have 2 reviews due."), CancellationToken.None);

        Assert.Equal(DirectMessageOutcome.Sent, outcome);
        var open = Assert.Single(test.Server.RequestsTo("POST", "/users/@me/channels"));
        Assert.Equal("123456789", open.Body?["recipient_id"]?.GetValue<string>());
        var post = Assert.Single(test.Server.Requests, r => r.Method == "POST" && r.Path.Contains("/messages", StringComparison.Ordinal));
        Assert.EndsWith("/channels/" + FakeDiscordServer.DirectMessageChannelOf("123456789") + "/messages", post.Path, StringComparison.Ordinal);
        Assert.Contains("2 reviews due", post.Body?.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CannotSendMessagesToThisUser50007_IsBlocked()
    {
        await using var test = await DiscordTestHost.StartAsync(waitForSession: false);
        test.Server.RefuseDirectMessages("123456789");
        var messengers = test.Host.Services.GetRequiredService<DirectMessengers>();

        var outcome = await messengers.SendAsync(ChatPlatform.Discord, "123456789", Reply.Public("You have 2 reviews due."), CancellationToken.None);

        Assert.Equal(DirectMessageOutcome.Blocked, outcome);
    }
}
