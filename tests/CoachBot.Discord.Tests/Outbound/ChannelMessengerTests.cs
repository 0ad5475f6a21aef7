namespace CoachBot.Discord.Tests.Outbound;

public sealed class ChannelMessengerTests
{
    [Fact]
    public async Task ScheduledPost_GoesToTheChannel_PingsNoOne_AndOpensAThreadWhenAsked()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var messengers = test.Host.Services.GetRequiredService<ChannelMessengers>();
        var channel = new ConversationKey(ChatPlatform.Discord, FakeDiscordEvents.GuildId, "333333333333333333");

        var id = await messengers.PostAsync(
            channel,
            new Reply { Title = "Weekly challenge", Text = "@everyone design a rate limiter", Placement = ReplyPlacement.Thread },
            CancellationToken.None);

        var post = Assert.Single(test.Server.RequestsTo("POST", "/channels/333333333333333333/messages"), r => r.Path.EndsWith("/messages", StringComparison.Ordinal));
        Assert.Equal("**Weekly challenge**\n@\u200Beveryone design a rate limiter", post.Content);
        Assert.Equal("""{"parse":[],"replied_user":false}""", post.Body!["allowed_mentions"]!.ToJsonString());
        var thread = Assert.Single(test.Server.RequestsTo("POST", "/threads"));
        Assert.Equal($"/api/v10/channels/333333333333333333/messages/{id}/threads", thread.Path);
        Assert.Equal("Weekly challenge", thread.Body!["name"]!.GetValue<string>());
    }
}
