using CoachBot.Storage.Challenges;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// <c>/challenge winners</c> and <c>/challenge schedule</c> through the real host: Slack's escaped mentions and channel
/// links (<c>should_escape: true</c>) through the real slash-command handler, Discord's user and channel options through
/// the real interaction handler. What is stored is the member's user id and the channel's id.
/// </summary>
public sealed class ChallengeMentionsEndToEndTests
{
    private const string Moderator = "U999";
    private const string Bo = "U2ABC";
    private const string Channel = "C111";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Slack_WinnersWithAnEscapedMention_StoresTheUserId_AndScheduleWithAChannelLink_SchedulesInThatChannel()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartSlackHostAsync(slack);
        slack.AddChannel("C042");
        await SlashAsync(slack, Moderator, "/challenge", "post from:bank");
        await SlashAsync(slack, Bo, "/challenge", "submit A token bucket per API key, refilled every second");
        await SlashAsync(slack, Moderator, "/challenge", "close");

        var plain = await SlashAsync(slack, Moderator, "/challenge", "winners @bo");
        Assert.Contains("pick them from Slack's list", plain, StringComparison.Ordinal);

        await SlashAsync(slack, Moderator, "/challenge", "winners <@U2ABC|bo>");
        await SlashAsync(slack, Moderator, "/challenge", "schedule monday 09:00 Europe/Berlin <#C042|challenges>");

        var community = "slack:T111";
        var board = await host.Services.GetRequiredService<IChallengeStore>().LeaderboardAsync(community, 10, CancellationToken.None);
        var winner = Assert.Single(board, r => r.Wins > 0);
        Assert.Equal("slack:" + Bo, winner.UserKey);
        var schedule = await host.Services.GetRequiredService<IChallengeScheduleStore>().FindAsync(community, CancellationToken.None);
        Assert.Equal("C042", schedule!.ChannelId);
        Assert.True(schedule.Enabled);
    }

    [Fact]
    public async Task Discord_WinnersWithAUserOption_StoresTheUserId_AndScheduleWithAChannelOption_SchedulesInThatChannel()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);
        const string target = "999000000000000042";
        discord.AddChannel(target, FakeDiscordEvents.GuildId);
        await InteractAsync(discord, Moderator: true, Sub("post", FakeDiscordEvents.Option("from", "bank")));
        await InteractAsync(discord, Moderator: false, Sub("submit", FakeDiscordEvents.Option("text", "A token bucket per API key")));
        await InteractAsync(discord, Moderator: true, Sub("close"));

        await InteractAsync(discord, Moderator: true, Sub("winners", new JsonObject { ["name"] = "user", ["type"] = 6, ["value"] = FakeDiscordEvents.OtherUserId }));
        await InteractAsync(discord, Moderator: true, Sub(
            "schedule",
            FakeDiscordEvents.Option("day", "monday"),
            FakeDiscordEvents.Option("time", "09:00"),
            new JsonObject { ["name"] = "channel", ["type"] = 7, ["value"] = target }));

        var community = "discord:" + FakeDiscordEvents.GuildId;
        var board = await host.Services.GetRequiredService<IChallengeStore>().LeaderboardAsync(community, 10, CancellationToken.None);
        Assert.Equal("discord:" + FakeDiscordEvents.OtherUserId, Assert.Single(board, r => r.Wins > 0).UserKey);
        var schedule = await host.Services.GetRequiredService<IChallengeScheduleStore>().FindAsync(community, CancellationToken.None);
        Assert.Equal(target, schedule!.ChannelId);
    }

    [Fact]
    public async Task Discord_ScheduleWithAChannelOfAnotherServer_IsRefusedPrivately_AndNothingIsStored()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);
        const string elsewhere = "999000000000000077";
        discord.AddChannel(elsewhere, "another-guild");

        await InteractAsync(discord, Moderator: true, Sub(
            "schedule",
            FakeDiscordEvents.Option("day", "monday"),
            FakeDiscordEvents.Option("time", "09:00"),
            new JsonObject { ["name"] = "channel", ["type"] = 7, ["value"] = elsewhere }));

        var community = "discord:" + FakeDiscordEvents.GuildId;
        Assert.Null(await host.Services.GetRequiredService<IChallengeScheduleStore>().FindAsync(community, CancellationToken.None));
        Assert.Contains(discord.Requests, r => r.Method == "GET" && r.Path.EndsWith("/channels/" + elsewhere, StringComparison.Ordinal));
        Assert.Contains(discord.Requests, r => r.Content?.Contains("isn't part of this community", StringComparison.Ordinal) == true);
    }

    private static JsonObject Sub(string name, params JsonObject[] options) => PrivateRefusalsEndToEndTests.Subcommand(name, options);

    /// <summary>Sends a slash command and returns the text of what came back (a response_url post or a channel message).</summary>
    private static async Task<string> SlashAsync(FakeSlackServer slack, string user, string command, string text)
    {
        var url = slack.CreateResponseUrl();
        var posts = slack.CallsTo("chat.postMessage").Count;
        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand(command, text, user, Channel, url));
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            var id = url[(url.LastIndexOf('/') + 1)..];
            if (slack.ResponsePosts.FirstOrDefault(p => p.ResponseUrlId == id) is { } response)
            {
                return response.AllText;
            }

            if (slack.CallsTo("chat.postMessage").Count > posts)
            {
                return slack.CallsTo("chat.postMessage")[^1].Body.ToJsonString();
            }

            // Polling the fake's record; the guard bounds the wait.
            await Task.Delay(20, guard.Token);
        }
    }

    private static async Task InteractAsync(FakeDiscordServer discord, bool Moderator, JsonObject subcommand)
    {
        var interaction = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
            "challenge",
            [subcommand],
            userId: Moderator ? FakeDiscordEvents.UserId : FakeDiscordEvents.OtherUserId,
            permissions: Moderator ? FakeDiscordEvents.ModeratorPermissions : FakeDiscordEvents.MemberPermissions));
        await discord.WaitUntilAsync(
            () => interaction.CallbackType == 4
                || discord.RequestsTo("PATCH", interaction.Token).Count > 0
                || discord.RequestsTo("POST", "/webhooks/").Any(r => r.Path.EndsWith(interaction.Token, StringComparison.Ordinal)),
            "the answer to /challenge " + subcommand["name"],
            Guard);
    }
}
