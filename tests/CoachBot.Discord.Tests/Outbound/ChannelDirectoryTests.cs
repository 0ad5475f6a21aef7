namespace CoachBot.Discord.Tests.Outbound;

/// <summary>The Discord channel directory asks the (fake) REST API for the channel and compares its guild_id.</summary>
public sealed class ChannelDirectoryTests
{
    [Fact]
    public async Task CheckAsync_ComparesTheChannelsGuild_AndAnUnknownChannelIsNotFound()
    {
        await using var test = await DiscordTestHost.StartAsync(waitForSession: false);
        test.Server.AddChannel("555", "guild-1");
        var directory = test.Host.Services.GetRequiredService<ChannelDirectories>();

        var inGuild = await directory.CheckAsync(new ConversationKey(ChatPlatform.Discord, "guild-1", "555"), CancellationToken.None);
        var elsewhere = await directory.CheckAsync(new ConversationKey(ChatPlatform.Discord, "guild-2", "555"), CancellationToken.None);
        var unknown = await directory.CheckAsync(new ConversationKey(ChatPlatform.Discord, "guild-1", "999"), CancellationToken.None);

        Assert.Equal(ChannelOwnership.InCommunity, inGuild);
        Assert.Equal(ChannelOwnership.OtherCommunity, elsewhere);
        Assert.Equal(ChannelOwnership.NotFound, unknown);
        Assert.Contains(test.Server.Requests, r => r.Method == "GET" && r.Path.EndsWith("/channels/555", StringComparison.Ordinal));
    }
}
